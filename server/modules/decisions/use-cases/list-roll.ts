import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../decisions.db.ts';
import { listRoll as queryRoll } from '../decisions.repository.ts';
import type { RollQuery } from '../decisions.schemas.ts';
import { decisionFor } from './decision-access.ts';
import { decisionForOwner } from './owner-access.ts';

/**
 * The roll as published (表决名册): each head's number, rooms, area and masked names, with the totals up front.
 * The same masked roll for the organisers and for the owners checking it for objections.
 */
export async function listRoll(ctx: Ctx, id: string, q: RollQuery, as: 'staff' | 'owner') {
  const db = read(ctx);
  const d = as === 'staff' ? await decisionFor(db, ctx.actor, id, 'read') : (await decisionForOwner(db, ctx, id)).decision;
  const page = await queryRoll(db, d.street_id, d.id, q);
  return { ...page, totals: { areaCenti: d.total_area_centi ?? 0, heads: d.total_heads ?? 0 }, rollVersion: d.roll_version, objectionUntil: d.objection_until };
}
