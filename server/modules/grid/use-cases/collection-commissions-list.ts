import { holdsAny, pathInScope, pathLabel, scopePrefixes } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { compoundsUnder } from '../../registry/index.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { read } from '../grid.db.ts';
import { streetOfActor } from './collection-settings-get.ts';

/**
 * The commissions in the actor's places (the street and the community see them all of theirs; property staff
 * their compounds'), newest first, each with whether it is in force today; and for the street, the compounds with
 * their property company to commission.
 */
export async function listCommissions(ctx: Ctx) {
  const roles = [...GRID_ROLES.collectionRead, ...GRID_ROLES.collectionManage];
  if (!holdsAny(ctx.actor, roles)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const today = chinaDay(ctx.kernel.clock.now());
  const rows = await db
    .selectFrom('grid_commissions as c')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'c.street_id').onRef('p.id', '=', 'c.compound_id'))
    .select(['c.id', 'c.company_id as companyId', 'c.company_name as companyName', 'c.compound_id as compoundId', 'p.name as compoundName', 'c.valid_from as validFrom', 'c.valid_until as validUntil', 'c.note', 'c.created_at as createdAt'])
    .select(pathLabel('p.path', ['community']).as('communityName'))
    .where(pathInScope('p.path', scopePrefixes(ctx.actor, roles)))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(500)
    .execute();
  const manage = holdsAny(ctx.actor, GRID_ROLES.collectionManage);
  const compounds = manage ? (await compoundsUnder(db, await streetOfActor(ctx, 'collectionManage'))).filter((c) => c.companyId).map((c) => ({ id: c.compoundId, name: c.name, companyId: c.companyId!, companyName: c.companyName! })) : [];
  return {
    items: rows.map((r) => ({ ...r, inForce: r.validFrom <= today && (r.validUntil === null || r.validUntil >= today) })),
    compounds,
    canManage: manage,
  };
}
