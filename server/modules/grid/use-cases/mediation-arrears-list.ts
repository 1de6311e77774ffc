import { pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { arrearsCasesForMediation } from '../../fees/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';

export interface ArrearsForMediation {
  id: string;
  compoundId: string;
  compoundName: string;
  roomLabel: string;
  amountFen: number;
  note: string;
  updatedAt: Date;
}

/**
 * The arrears cases the property company handed to mediation (the fees module's hand-over) in compounds where the
 * actor may open a mediation case, oldest first: what 「欠费案件」 as a source picks from.
 */
export async function arrearsForMediation(ctx: Ctx): Promise<{ items: ArrearsForMediation[] }> {
  if (!holdsAnywhere(ctx.actor, 'mediationOpen')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const scope = pathInScope('path', scopePrefixes(ctx.actor, GRID_ROLES.mediationOpen));
  const streets = (await db.selectFrom('street_places').select('street_id').distinct().where('kind', '=', 'compound').where(scope).execute()).map((r) => r.street_id);
  const waiting = (await Promise.all(streets.map((streetId) => arrearsCasesForMediation(db, { streetId })))).flat();
  if (!waiting.length) return { items: [] };
  const compounds = await db
    .selectFrom('street_places')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(waiting.map((c) => c.compoundId))])
    .where(scope)
    .execute();
  const names = new Map(compounds.map((c) => [c.id, c.name]));
  return {
    items: waiting
      .filter((c) => names.has(c.compoundId))
      .map((c) => ({ id: c.id, compoundId: c.compoundId, compoundName: names.get(c.compoundId)!, roomLabel: c.roomLabel, amountFen: c.amountFen, note: c.note, updatedAt: c.updatedAt })),
  };
}
