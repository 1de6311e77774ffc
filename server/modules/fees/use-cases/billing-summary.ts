import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { compoundFor } from './bills-access.ts';

/** A compound's bills per period (the latest 12, or the one asked): counts and amounts by status and payer. */
export async function billingSummary(ctx: Ctx, q: { compoundId: string; period?: string }) {
  const compound = await compoundFor(read(ctx), ctx, q.compoundId, 'read');
  const rows = await read(ctx)
    .selectFrom('fee_bills')
    .select([
      'period_label as periodLabel',
      sql<number>`count(*)::int`.as('bills'),
      sql<number>`count(*) filter (where payer_kind = 'developer')::int`.as('developerBills'),
      sql<number>`count(*) filter (where status = 'open')::int`.as('openBills'),
      sql<string>`sum(amount_fen)`.as('amountFen'),
      sql<string>`sum(adjusted_fen)`.as('adjustedFen'),
      sql<string>`sum(paid_fen)`.as('paidFen'),
      sql<string>`coalesce(sum(amount_fen + adjusted_fen - paid_fen) filter (where status = 'open'), 0)`.as('dueFen'),
      sql<string>`min(period_start)::text`.as('periodStart'),
    ])
    .where('street_id', '=', compound.street_id)
    .where('compound_id', '=', compound.id)
    .$if(!!q.period, (qb) => qb.where('period_label', '=', q.period!))
    .groupBy('period_label')
    .orderBy(sql`min(period_start)`, 'desc')
    .limit(12)
    .execute();
  return {
    compoundId: compound.id,
    compoundName: compound.name,
    periods: rows.map((r) => ({ ...r, amountFen: Number(r.amountFen), adjustedFen: Number(r.adjustedFen), paidFen: Number(r.paidFen), dueFen: Number(r.dueFen) })),
  };
}
