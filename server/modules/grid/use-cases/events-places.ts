import { sql } from 'kysely';
import { isSystem, pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';

export interface ReportPlace {
  id: string;
  name: string;
  /** Whether the event may be reported at the compound itself (a building leader reports at their building). */
  atCompound: boolean;
  buildings: { id: string; name: string }[];
}

/**
 * The compounds (with their buildings) where the actor may report an event — under their eventsReport grants — or,
 * with `for: 'patrol'`, the compounds where they may record a joint patrol (liaisonsManage or eventsDispatch).
 */
export async function listEventPlaces(ctx: Ctx, purpose: 'report' | 'patrol' = 'report'): Promise<ReportPlace[]> {
  const roles = purpose === 'report' ? GRID_ROLES.eventsReport : [...GRID_ROLES.liaisonsManage, ...GRID_ROLES.eventsDispatch];
  if (!isSystem(ctx.actor) && !(purpose === 'report' ? holdsAnywhere(ctx.actor, 'eventsReport') : holdsAnywhere(ctx.actor, 'liaisonsManage') || holdsAnywhere(ctx.actor, 'eventsDispatch'))) throw CommonErrors.FORBIDDEN();
  const prefixes = scopePrefixes(ctx.actor, roles);
  const db = read(ctx);
  // Compounds under a grant, and the compounds above a building the actor's grant covers.
  const rows = await db
    .selectFrom('street_places as c')
    .select(['c.id', 'c.name', 'c.path', 'c.street_id as streetId'])
    .where('c.kind', '=', 'compound')
    .where((eb) =>
      eb.or([
        pathInScope('c.path', prefixes),
        eb.exists(eb.selectFrom('street_places as b').select(sql`1`.as('x')).whereRef('b.street_id', '=', 'c.street_id').where('b.kind', '=', 'building').where(sql<boolean>`starts_with(b.path, c.path)`).where(pathInScope('b.path', prefixes))),
      ]),
    )
    .orderBy('c.path')
    .limit(500)
    .execute();
  if (!rows.length) return [];
  const buildings = await db
    .selectFrom('street_places as b')
    .select(['b.id', 'b.name', 'b.path'])
    .where('b.kind', '=', 'building')
    .where('b.street_id', 'in', [...new Set(rows.map((r) => r.streetId))])
    .where((eb) => eb.or(rows.map((r) => eb('b.path', 'like', `${r.path}%`))))
    .where(pathInScope('b.path', prefixes))
    .orderBy('b.name')
    .execute();
  const inScope = (path: string) => prefixes === null || prefixes.some((p) => path.startsWith(p));
  return rows.map((c) => ({ id: c.id, name: c.name, atCompound: inScope(c.path), buildings: buildings.filter((b) => b.path.startsWith(c.path)).map((b) => ({ id: b.id, name: b.name })) }));
}
