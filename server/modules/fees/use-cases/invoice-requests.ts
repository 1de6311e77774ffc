import { accountOf } from './arrears-scope.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, authorize, placeFilter } from '../fees.policy.ts';
import type { InvoiceBody, InvoiceIssueBody, InvoiceRejectBody, InvoicesQuery } from '../fees.arrears.schemas.ts';
import { myReceipt, type ReceiptRow, staffReceipt } from './receipt-access.ts';
import { readablePlacePath } from './place-scope.ts';

/**
 * Tax invoices (发票) are issued in the tax system, which the platform cannot reach: it records the payer's
 * request (抬头, tax number, email) against a receipt, and staff record the outcome — the invoice's number and
 * date once issued there, or a reason for rejecting. The payer sees the status on the receipt.
 */
async function record(ctx: Ctx, r: ReceiptRow, input: InvoiceBody) {
  if (r.status === 'voided') throw FeesErrors.INVOICE_RECEIPT_VOIDED();
  return write(ctx, async (tx) => {
    const live = await tx
      .selectFrom('fee_invoice_requests')
      .select('id')
      .where('street_id', '=', r.streetId)
      .where('receipt_id', '=', r.id)
      .where('status', '<>', 'rejected')
      .executeTakeFirst();
    if (live) throw FeesErrors.INVOICE_PENDING();
    const id = newId();
    await tx
      .insertInto('fee_invoice_requests')
      .values({ street_id: r.streetId, id, receipt_id: r.id, compound_id: r.compoundId, title: input.title, tax_no: input.taxNo ?? null, email: input.email, requested_by: accountOf(ctx), requested_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'fees.invoice.requested', placeId: r.compoundId, subjectType: 'fee_invoice_request', subjectId: id, detail: { receipt: r.no } });
    return { id, status: 'requested' as const };
  });
}

/** The payer asks for an invoice on one of their receipts. */
export async function requestMyInvoice(ctx: Ctx, receiptId: string, input: InvoiceBody) {
  return record(ctx, await myReceipt(read(ctx), ctx, receiptId), input);
}

/** Staff record a request made at the counter or by phone. */
export async function requestInvoice(ctx: Ctx, receiptId: string, input: InvoiceBody) {
  return record(ctx, await staffReceipt(read(ctx), ctx, receiptId, 'bill'), input);
}

async function pending(ctx: Ctx, id: string) {
  const row = await read(ctx)
    .selectFrom('fee_invoice_requests as i')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'i.street_id').onRef('c.id', '=', 'i.compound_id'))
    .select(['i.id', 'i.street_id', 'i.status', 'i.compound_id', 'c.path'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row || !allows(ctx.actor, 'read', row.path)) throw FeesErrors.INVOICE_NOT_FOUND();
  authorize(ctx.actor, 'bill', row.path);
  if (row.status !== 'requested') throw FeesErrors.INVOICE_NOT_REQUESTED();
  return row;
}

async function decide(ctx: Ctx, id: string, set: { status: 'issued'; invoice_no: string; invoice_date: string } | { status: 'rejected'; reject_reason: string }) {
  const row = await pending(ctx, id);
  return write(ctx, async (tx) => {
    const done = await tx
      .updateTable('fee_invoice_requests')
      .set({ ...set, decided_by: accountOf(ctx), decided_at: ctx.kernel.clock.now() })
      .where('street_id', '=', row.street_id)
      .where('id', '=', id)
      .where('status', '=', 'requested')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw FeesErrors.INVOICE_NOT_REQUESTED();
    await audit(tx, ctx, { action: set.status === 'issued' ? 'fees.invoice.issued' : 'fees.invoice.rejected', placeId: row.compound_id, subjectType: 'fee_invoice_request', subjectId: id, detail: set });
    return { id, status: set.status };
  });
}

export const issueInvoice = (ctx: Ctx, id: string, input: InvoiceIssueBody) => decide(ctx, id, { status: 'issued', invoice_no: input.invoiceNo, invoice_date: input.invoiceDate });
export const rejectInvoice = (ctx: Ctx, id: string, input: InvoiceRejectBody) => decide(ctx, id, { status: 'rejected', reject_reason: input.reason });

export const InvoicesSort = sortable({ requestedAt: 'i.requested_at', status: 'i.status', receiptNo: 'r.no' }, { sort: 'requestedAt', order: 'desc' }, 'i.id');

/** Staff: the invoice requests of their compounds, the open ones first to work. */
export async function listInvoices(ctx: Ctx, q: InvoicesQuery) {
  const db = read(ctx);
  const underPath = await readablePlacePath(ctx, q.placeId);
  const base = () => {
    let s = db
      .selectFrom('fee_invoice_requests as i')
      .innerJoin('fee_receipts as r', (j) => j.onRef('r.street_id', '=', 'i.street_id').onRef('r.id', '=', 'i.receipt_id'))
      .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'i.street_id').onRef('c.id', '=', 'i.compound_id'))
      .where(placeFilter(ctx.actor, 'read', 'i.compound_id', 'c.path'));
    if (underPath) s = s.where('c.path', 'like', `${underPath}%`);
    if (q.status) s = s.where('i.status', '=', q.status);
    if (q.q) s = s.where((eb) => eb.or([eb('r.no', 'ilike', `%${q.q}%`), eb('i.title', 'ilike', `%${q.q}%`)]));
    return s;
  };
  const items = InvoicesSort.orderBy(
    base().select([
      'i.id',
      'i.receipt_id as receiptId',
      'r.no as receiptNo',
      'r.amount_fen as amountFen',
      'r.room_label as roomLabel',
      'c.name as compoundName',
      'i.title',
      'i.tax_no as taxNo',
      'i.email',
      'i.status',
      'i.invoice_no as invoiceNo',
      'i.invoice_date as invoiceDate',
      'i.reject_reason as rejectReason',
      'i.requested_at as requestedAt',
    ]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count);
}

