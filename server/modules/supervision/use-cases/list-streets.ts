import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { companyScope } from './list-access.ts';

/** The streets whose red and black list the actor reads (a company: where it serves), with what it may do there: the page's street picker. */
export async function listListStreets(ctx: Ctx) {
  const scopes = await companyScope(read(ctx), ctx.actor);
  return {
    items: scopes.map((s) => ({
      streetId: s.streetId,
      streetName: s.streetName,
      can: { manage: allows(ctx.actor, 'creditManage', s.streetPath), decide: allows(ctx.actor, 'creditDecide', s.streetPath) },
    })),
  };
}
