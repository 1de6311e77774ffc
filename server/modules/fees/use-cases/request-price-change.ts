import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { decisionOutcomes } from '../../decisions/index.ts';
import type { BasisKind } from '../fees.constants.ts';
import { type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { fenToYuan, today } from './bills-access.ts';
import { itemFor } from './update-fee-item.ts';

export interface PriceChangeInput {
  unitFen: number;
  effectiveFrom: string;
  basisKind: BasisKind;
  basisRef: string;
  note?: string;
}

/**
 * Asks for a new price of an item from a date on, with its basis (an owners' decision that passed, or the service
 * contract's number). The price is filed pending and a second person (FEES_ROLES.approve, never the requester)
 * approves it (`fees.price` handler): only then does generation count it. It takes effect today or later, so a
 * bill already issued never changes.
 */
export async function requestPriceChange(ctx: Ctx, itemId: string, input: PriceChangeInput) {
  const item = await itemFor(ctx, itemId, 'configure');
  if (!item.active) throw FeesErrors.ITEM_INACTIVE();
  if (input.effectiveFrom < today(ctx)) throw FeesErrors.PRICE_IN_PAST();
  if (input.basisKind === 'owners_decision') {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.basisRef);
    const [outcome] = uuid ? await decisionOutcomes(ctx.kernel.db, [input.basisRef]) : [];
    if (!outcome || outcome.outcome !== 'passed') throw FeesErrors.PRICE_DECISION_NOT_FOUND();
  }
  const id = newId();
  return write(ctx, async (tx) => {
    await tx
      .insertInto('fee_prices')
      .values({
        street_id: item.street_id,
        id,
        item_id: item.id,
        unit_fen: input.unitFen,
        effective_from: input.effectiveFrom,
        basis_kind: input.basisKind,
        basis_ref: input.basisRef,
        basis_note: input.note ?? '',
        approval_id: null,
        requested_by: ctx.actor.accountId,
        requested_at: ctx.kernel.clock.now(),
        decided_by: null,
        decided_at: null,
      })
      .execute();
    const summary = `${item.compound_name} ${item.name} 新价格 ${fenToYuan(input.unitFen)} 元，${input.effectiveFrom} 起`;
    const { approvalId } = await requestApproval(tx, ctx, { kind: 'fees.price', placeId: item.place_id, summary, payload: { streetId: item.street_id, priceId: id } });
    await tx.updateTable('fee_prices').set({ approval_id: approvalId }).where('street_id', '=', item.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'fees.price.requested',
      placeId: item.place_id,
      subjectType: 'fee_price',
      subjectId: id,
      after: { itemId: item.id, unitFen: input.unitFen, effectiveFrom: input.effectiveFrom, basisKind: input.basisKind, basisRef: input.basisRef },
    });
    return { id, approvalId, status: 'pending' as const };
  });
}

/**
 * The `fees.price` approval's effect: the price counts from now on. A second price approved for the same item and
 * day replaces the first (the unique index allows one approved price per item and day), which is rejected then.
 */
export async function applyPriceApproval(tx: Tx, ctx: Ctx, payload: { streetId: string; priceId: string }) {
  const price = await tx.selectFrom('fee_prices').selectAll().where('street_id', '=', payload.streetId).where('id', '=', payload.priceId).forUpdate().executeTakeFirstOrThrow();
  const item = await tx.selectFrom('fee_items').select(['place_id']).where('street_id', '=', price.street_id).where('id', '=', price.item_id).executeTakeFirstOrThrow();
  const now = ctx.kernel.clock.now();
  await tx
    .updateTable('fee_prices')
    .set({ status: 'rejected', decided_by: ctx.actor.accountId, decided_at: now })
    .where('street_id', '=', price.street_id)
    .where('item_id', '=', price.item_id)
    .where('effective_from', '=', price.effective_from)
    .where('status', '=', 'approved')
    .execute();
  await tx.updateTable('fee_prices').set({ status: 'approved', decided_by: ctx.actor.accountId, decided_at: now }).where('street_id', '=', price.street_id).where('id', '=', price.id).execute();
  await audit(tx, ctx, {
    action: 'fees.price.approved',
    placeId: item.place_id,
    subjectType: 'fee_price',
    subjectId: price.id,
    after: { itemId: price.item_id, unitFen: price.unit_fen, effectiveFrom: price.effective_from },
  });
  return { priceId: price.id, status: 'approved' };
}
