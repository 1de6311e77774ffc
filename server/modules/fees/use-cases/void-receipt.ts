import { accountOf } from './arrears-scope.ts';
import { sql } from 'kysely';
import { requestApproval, type ApprovalHandler } from '../../../kernel/approvals/approvals.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { FEES_ROLES } from '../fees.constants.ts';
import { read, type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { staffReceipt } from './receipt-access.ts';

/**
 * Voiding a receipt takes two people: one (bill role) asks with a reason, a different one (approve role) applies
 * it through the approvals inbox (APPROVAL_SELF refuses the requester). The receipt keeps its number — the
 * counter never steps back, so the next receipt takes the next number and the gap-free run stays checkable.
 */
export async function requestReceiptVoid(ctx: Ctx, id: string, input: { reason: string }) {
  const r = await staffReceipt(read(ctx), ctx, id, 'bill');
  if (r.status === 'voided') throw FeesErrors.RECEIPT_VOIDED();
  if (r.voidPending) throw FeesErrors.RECEIPT_VOID_PENDING();
  return write(ctx, async (tx) => {
    const approval = await requestApproval(tx, ctx, {
      kind: 'fees.receipt_void',
      placeId: r.compoundId,
      summary: `作废收据 ${r.no}（${(r.amountFen / 100).toFixed(2)} 元，${r.roomLabel}）：${input.reason}`,
      payload: { receiptId: r.id, streetId: r.streetId, reason: input.reason },
    });
    await audit(tx, ctx, { action: 'fees.receipt.void_requested', placeId: r.compoundId, subjectType: 'fee_receipt', subjectId: r.id, detail: { no: r.no, reason: input.reason, approvalId: approval.approvalId } });
    return { approvalId: approval.approvalId, status: approval.status };
  });
}

export const receiptVoidApproval: ApprovalHandler = {
  kind: 'fees.receipt_void',
  approverRoles: FEES_ROLES.approve,
  async apply(tx: Tx, ctx: Ctx, payload: { receiptId: string; streetId: string; reason: string }) {
    const r = await tx
      .selectFrom('fee_receipts')
      .select(['id', 'no', 'status', 'compound_id'])
      .where('street_id', '=', payload.streetId)
      .where('id', '=', payload.receiptId)
      .forUpdate()
      .executeTakeFirst();
    if (!r) throw FeesErrors.RECEIPT_NOT_FOUND();
    if (r.status === 'voided') throw FeesErrors.RECEIPT_VOIDED();
    const approval = await tx
      .selectFrom('approvals')
      .select('id')
      .where('kind', '=', 'fees.receipt_void')
      .where('status', '=', 'pending')
      .where('place_id', '=', r.compound_id)
      .where(sql<boolean>`payload->>'receiptId' = ${r.id}`)
      .executeTakeFirst();
    await tx
      .updateTable('fee_receipts')
      .set({ status: 'voided', void_reason: payload.reason, void_approval_id: approval?.id ?? null, voided_at: ctx.kernel.clock.now(), voided_by: accountOf(ctx) })
      .where('street_id', '=', payload.streetId)
      .where('id', '=', r.id)
      .execute();
    await audit(tx, ctx, { action: 'fees.receipt.voided', placeId: r.compound_id, subjectType: 'fee_receipt', subjectId: r.id, detail: { no: r.no, reason: payload.reason } });
    return { receiptId: r.id, no: r.no, status: 'voided' };
  },
};
