import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { allows } from '../fees.policy.ts';
import { yuanInCapitals } from './arrears-rules.ts';
import { issuerName, myReceipt, type ReceiptRow, staffReceipt } from './receipt-access.ts';

async function detail(ctx: Ctx, r: ReceiptRow) {
  const db = read(ctx);
  const invoices = await db
    .selectFrom('fee_invoice_requests')
    .select(['id', 'title', 'tax_no as taxNo', 'email', 'status', 'invoice_no as invoiceNo', 'invoice_date as invoiceDate', 'reject_reason as rejectReason', 'requested_at as requestedAt', 'decided_at as decidedAt'])
    .where('street_id', '=', r.streetId)
    .where('receipt_id', '=', r.id)
    .orderBy('requested_at', 'desc')
    .execute();
  const { compoundPath: _p, ...rest } = r;
  return { ...rest, issuerName: await issuerName(db, r), amountCapitals: yuanInCapitals(r.amountFen), invoices };
}

/** Staff: a receipt with its invoice requests, and what they may do with it. */
export async function getReceipt(ctx: Ctx, id: string) {
  const r = await staffReceipt(read(ctx), ctx, id);
  return {
    ...(await detail(ctx, r)),
    can: { void: r.status === 'valid' && !r.voidPending && allows(ctx.actor, 'bill', r.compoundPath), invoice: allows(ctx.actor, 'bill', r.compoundPath) },
  };
}

/** A resident: one of their receipts, with its invoice requests. */
export async function getMyReceipt(ctx: Ctx, id: string) {
  const { voucherNo: _v, voidPending: _p, ...r } = await detail(ctx, await myReceipt(read(ctx), ctx, id));
  return r;
}
