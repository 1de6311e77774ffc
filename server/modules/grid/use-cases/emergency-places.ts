import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { EMERGENCY_PLACE_KINDS } from '../grid.emergency.constants.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere, placeFilter } from '../grid.policy.ts';

export interface DeclarablePlace {
  id: string;
  name: string;
  kind: string;
  /** In emergency mode now (its own declaration or one above it). */
  inEmergency: boolean;
}

/** The compounds, communities and streets the actor may switch into emergency mode (emergencyDeclare covering them). */
export async function declarablePlaces(ctx: Ctx): Promise<DeclarablePlace[]> {
  if (!holdsAnywhere(ctx.actor, 'emergencyDeclare')) throw CommonErrors.FORBIDDEN();
  const rows = await read(ctx)
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', 'p.kind'])
    .select(
      sql<boolean>`exists (select 1 from grid_emergency_declarations d join street_places dp on dp.street_id = d.street_id and dp.id = d.place_id
        where d.street_id = p.street_id and d.status = 'active' and p.path like dp.path || '%')`.as('inEmergency'),
    )
    .where('p.kind', 'in', [...EMERGENCY_PLACE_KINDS])
    .where(placeFilter(ctx.actor, 'emergencyDeclare', 'p.id', 'p.path'))
    .orderBy('p.path')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, inEmergency: !!r.inEmergency }));
}
