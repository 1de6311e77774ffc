import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { organisationNames } from '../../registry/index.ts';
import { RepairErrors } from '../repairs.errors.ts';
import { allows, placeFilter } from '../repairs.policy.ts';
import { listEscalations as queryEscalations } from '../repairs.repository.ts';
import type { EscalationsQuery } from '../repairs.schemas.ts';
import { read } from '../repairs.db.ts';

/**
 * Escalated orders: the residents' committee and the community see those in their community, the
 * street those under the street, the property company its own compounds'.
 */
export async function listEscalations(ctx: Ctx, q: EscalationsQuery) {
  const db = read(ctx);
  const under = q.placeId ? await findPlace(db, q.placeId) : undefined;
  if (q.placeId && !under) throw RepairErrors.PLACE_NOT_FOUND();
  const page = await queryEscalations(db, { ...q, underPath: under?.path }, placeFilter(ctx.actor, 'readEscalations', 'o.place_id'));
  const names = await organisationNames(db, page.items.flatMap((e) => [e.companyId, ...(e.committeeId ? [e.committeeId] : [])]));
  return {
    ...page,
    items: page.items.map(({ placePath, ...e }) => ({
      ...e,
      companyName: names.get(e.companyId) ?? null,
      committeeName: e.committeeId ? (names.get(e.committeeId) ?? null) : null,
      canSupervise: allows(ctx.actor, 'supervise', placePath),
    })),
  };
}
