import ExcelJS from 'exceljs';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, placeFilter } from '../fees.policy.ts';
import { PaymentsSort, type PaymentsQuery } from '../fees.payments.schemas.ts';
import { shanghaiDay } from '../gateway/sandbox.ts';
import { readablePlacePath } from './place-scope.ts';

/** Payments booked at the compounds where the actor reads fees (缴费记录): searched, filtered, sorted, paged in SQL. */
async function paymentsQuery(ctx: Ctx, q: PaymentsQuery) {
  const db = read(ctx);
  const underPath = (await readablePlacePath(ctx, q.placeId)) ?? null;
  return db
    .selectFrom('fee_payments as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.compound_id'))
    .leftJoin('fee_receipts as r', (j) => j.onRef('r.street_id', '=', 'p.street_id').onRef('r.payment_id', '=', 'p.id'))
    .where(placeFilter(ctx.actor, 'read', 'p.compound_id', 'c.path'))
    .$if(underPath !== null, (qb) => qb.where('c.path', 'like', `${underPath}%`))
    .$if(!!q.channel, (qb) => qb.where('p.channel', '=', q.channel!))
    .$if(!!q.from, (qb) => qb.where('p.booked_at', '>=', shanghaiDay(q.from!).start))
    .$if(!!q.to, (qb) => qb.where('p.booked_at', '<', shanghaiDay(q.to!).end))
    .$if(!!q.q, (qb) =>
      qb.where((eb) => eb.or([eb('p.no', 'ilike', containing(q.q!)), eb('r.no', 'ilike', containing(q.q!)), eb('p.voucher_no', 'ilike', containing(q.q!)), eb('p.provider_txn_id', 'ilike', containing(q.q!))])),
    );
}

const columns = [
  'p.id',
  'p.no',
  'p.channel',
  'p.provider',
  'p.provider_txn_id as providerTxnId',
  'p.voucher_no as voucherNo',
  'p.amount_fen as amountFen',
  'p.refunded_fen as refundedFen',
  'p.payer_name_masked as payerName',
  'p.booked_at as bookedAt',
  'c.name as compound',
  'r.id as receiptId',
  'r.no as receiptNo',
  'r.room_label as roomLabel',
  'r.items_label as periods',
] as const;

export async function listPayments(ctx: Ctx, q: PaymentsQuery) {
  const base = await paymentsQuery(ctx, q);
  return paginate(q, PaymentsSort.orderBy(base, q).select(columns).limit(q.pageSize).offset(offsetOf(q)).execute(), base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
}

const CHANNEL_ZH = { gateway: '线上支付', cash: '现金', pos: 'POS 刷卡' } as const;

/** The same list as an xlsx (up to 50,000 rows), amounts in yuan with two decimals. */
export async function exportPaymentsXlsx(ctx: Ctx, q: PaymentsQuery): Promise<Buffer> {
  const base = await paymentsQuery(ctx, q);
  const rows = await PaymentsSort.orderBy(base, q).select(columns).limit(50_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('缴费记录');
  sheet.columns = [
    { header: '缴费单号', width: 22 },
    { header: '收据号', width: 16 },
    { header: '小区', width: 14 },
    { header: '房屋', width: 22 },
    { header: '期间', width: 20 },
    { header: '方式', width: 10 },
    { header: '凭证/交易号', width: 26 },
    { header: '金额（元）', width: 12 },
    { header: '已退（元）', width: 12 },
    { header: '缴费人', width: 10 },
    { header: '入账时间', width: 20 },
  ];
  for (const r of rows) {
    sheet.addRow([r.no, r.receiptNo ?? '', r.compound, r.roomLabel ?? '', r.periods ?? '', CHANNEL_ZH[r.channel], r.voucherNo ?? r.providerTxnId ?? '', (r.amountFen / 100).toFixed(2), (r.refundedFen / 100).toFixed(2), r.payerName ?? '', new Date(r.bookedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')]);
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A payment with its bills (allocations, refunds negative) and its refunds: for staff reading fees at its compound. */
export async function getPayment(ctx: Ctx, id: string) {
  const db = read(ctx);
  const p = await db
    .selectFrom('fee_payments as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.compound_id'))
    .leftJoin('fee_receipts as r', (j) => j.onRef('r.street_id', '=', 'p.street_id').onRef('r.payment_id', '=', 'p.id'))
    .select([...columns, 'p.street_id as streetId', 'c.path as compoundPath', 'p.compound_id as compoundId'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!p || !allows(ctx.actor, 'read', p.compoundPath)) throw FeesErrors.PAYMENT_NOT_FOUND();
  const [allocations, refunds] = await Promise.all([
    db
      .selectFrom('fee_payment_allocations as a')
      .innerJoin('fee_bills as b', (j) => j.onRef('b.street_id', '=', 'a.street_id').onRef('b.id', '=', 'a.bill_id'))
      .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'b.street_id').onRef('room.id', '=', 'b.room_id'))
      .select(['a.id', 'a.bill_id as billId', 'b.period_label as periodLabel', 'b.status as billStatus', 'a.amount_fen as amountFen', 'a.at'])
      .select(pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'))
      .where('a.street_id', '=', p.streetId)
      .where('a.payment_id', '=', p.id)
      .orderBy('a.at')
      .orderBy('b.period_start')
      .execute(),
    db
      .selectFrom('fee_refunds')
      .select(['id', 'no', 'amount_fen as amountFen', 'reason', 'voucher_no as voucherNo', 'provider_refund_txn as providerRefundTxn', 'confirmed_at as confirmedAt', 'refunded_at as refundedAt'])
      .where('street_id', '=', p.streetId)
      .where('payment_id', '=', p.id)
      .orderBy('refunded_at')
      .execute(),
  ]);
  const { compoundPath: _path, ...payment } = p;
  return { ...payment, canRefund: allows(ctx.actor, 'bill', p.compoundPath) && p.refundedFen < p.amountFen, allocations, refunds };
}
