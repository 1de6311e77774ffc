import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { read } from '../party.db.ts';
import { allows, placeFilter } from '../party.policy.ts';
import { liaisonOrgs, holdsAnywhere } from './reporting-access.ts';

/**
 * What the 双报到 pages need to know of the actor: the communities it reads (a liaison: its street's, to report to),
 * whether it manages each, and a liaison's organisations.
 */
export async function reportingContext(ctx: Ctx) {
  if (!holdsAnywhere(ctx.actor, 'reportingRead')) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const rows = await db
    .selectFrom('street_places as c')
    .select(['c.id', 'c.name', 'c.path', 'c.street_id as streetId'])
    .where('c.kind', '=', 'community')
    .where(placeFilter(ctx.actor, 'reportingRead', 'c.id', 'c.path'))
    .orderBy('c.name')
    .limit(500)
    .execute();
  const communities = rows.map((c) => ({ id: c.id, name: c.name, streetId: c.streetId, manages: allows(ctx.actor, 'reportingManage', c.path) }));
  return {
    organisations: await liaisonOrgs(db, ctx),
    communities,
    canSubmit: holdsAnywhere(ctx.actor, 'reportingSubmit'),
    canManage: communities.some((c) => c.manages),
  };
}
