import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { allows } from '../fees.policy.ts';
import { compoundFor, today } from './bills-access.ts';

/**
 * A compound's fee items, each with the price in effect today and its price history (newest first): approved,
 * pending and rejected requests with their basis. A request the approver rejected stays pending in fee_prices
 * (the kernel does not call the module on a reject); the approval's status tells, and is shown.
 */
export async function listFeeItems(ctx: Ctx, q: { compoundId: string; includeInactive?: 'true' | 'false' }) {
  const compound = await compoundFor(read(ctx), ctx, q.compoundId, 'read');
  const db = read(ctx);
  const items = await db
    .selectFrom('fee_items')
    .select(['id', 'kind', 'name', 'cycle', 'vacancy_discount_bp as vacancyDiscountBp', 'active', 'created_at as createdAt'])
    .where('street_id', '=', compound.street_id)
    .where('place_id', '=', compound.id)
    .$if(q.includeInactive !== 'true', (qb) => qb.where('active', '=', true))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const prices = items.length
    ? await db
        .selectFrom('fee_prices as p')
        .leftJoin('approvals as ap', 'ap.id', 'p.approval_id')
        .leftJoin('accounts as r', 'r.id', 'p.requested_by')
        .leftJoin('accounts as d', 'd.id', 'p.decided_by')
        .select([
          'p.id',
          'p.item_id as itemId',
          'p.unit_fen as unitFen',
          sql<string>`p.effective_from::text`.as('effectiveFrom'),
          'p.basis_kind as basisKind',
          'p.basis_ref as basisRef',
          'p.basis_note as basisNote',
          sql<'pending' | 'approved' | 'rejected'>`case when p.status = 'pending' and ap.status = 'rejected' then 'rejected' else p.status end`.as('status'),
          'p.approval_id as approvalId',
          'r.display_name as requestedBy',
          'p.requested_at as requestedAt',
          'd.display_name as decidedBy',
          'p.decided_at as decidedAt',
        ])
        .where('p.street_id', '=', compound.street_id)
        .where('p.item_id', 'in', items.map((i) => i.id))
        .orderBy('p.effective_from', 'desc')
        .orderBy('p.requested_at', 'desc')
        .execute()
    : [];
  const day = today(ctx);
  return {
    compoundId: compound.id,
    compoundName: compound.name,
    can: { configure: allows(ctx.actor, 'configure', compound.path), bill: allows(ctx.actor, 'bill', compound.path) },
    items: items.map((i) => {
      const history = prices.filter((p) => p.itemId === i.id);
      const current = history.find((p) => p.status === 'approved' && p.effectiveFrom <= day) ?? null;
      const next = history.filter((p) => p.status === 'approved' && p.effectiveFrom > day).at(-1) ?? null;
      return { ...i, currentPrice: current, nextPrice: next, pending: history.filter((p) => p.status === 'pending').length, history };
    }),
  };
}
