import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { fundHoldsAnywhere, fundPlaceFilter } from '../fees.fund.policy.ts';

/**
 * The to-do of those who link uses: the uses of their compounds still without a basis (publication waits on
 * them) — the count of the entries list it opens, which reads with the actor's read scope: the link scope is
 * within it for every role that links.
 */
export async function fundStaffHome(ctx: Ctx) {
  if (!fundHoldsAnywhere(ctx.actor, 'link')) return {};
  const row = await read(ctx)
    .selectFrom('fee_fund_entries as e')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'e.street_id').onRef('c.id', '=', 'e.compound_id'))
    .leftJoin('fee_fund_use_bases as b', (j) => j.onRef('b.street_id', '=', 'e.street_id').onRef('b.entry_id', '=', 'e.id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.kind', '=', 'use')
    .where('b.entry_id', 'is', null)
    .where(fundPlaceFilter(ctx.actor, 'read', 'e.compound_id', 'c.path'))
    .executeTakeFirstOrThrow();
  return { todos: [{ key: 'feesFundUsesWithoutBasis', count: Number(row.n), link: '/fees/fund/entries?basis=none' }] };
}
