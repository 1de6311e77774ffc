import { randomBytes } from 'node:crypto';
import { audit, type Ctx, type Kernel } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { configuredProvider } from '../gateway/providers.ts';
import { payerRooms } from './payer-access.ts';

/** The out_trade_no: 'PO' + the Shanghai date + 12 random hex digits (unguessable, unique with the index). */
const orderNo = (at: Date) => `PO${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(6).toString('hex').toUpperCase()}`;

/** Where the provider posts its notifications: the app's own address (the sandbox runs inside it). */
export function notifyUrl(kernel: Kernel, provider: string): string {
  const { host, port, publicUrl } = kernel.config;
  const base = provider === 'sandbox' || !publicUrl ? `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}` : publicUrl;
  return `${base}/api/fees/gateway/${provider}/notify`;
}

/**
 * A resident's pay order for chosen open bills of ONE room they pay (payerRooms: owners, co-owners, authorised
 * tenants): the amount is what the bills owe now. Bills not theirs answer 404, as if they did not exist. The
 * provider's order is made first: if ours then fails, the provider holds an order nobody can pay.
 */
export async function createPayOrder(ctx: Ctx, input: { billIds: readonly string[] }) {
  const db = read(ctx);
  const rooms = await payerRooms(db, ctx);
  const ids = [...new Set(input.billIds)];
  if (rooms.length === 0) throw FeesErrors.BILL_NOT_FOUND();
  const bills = await db
    .selectFrom('fee_bills')
    .select(['street_id', 'id', 'room_id', 'compound_id', 'company_id', 'status', 'amount_fen', 'adjusted_fen', 'paid_fen', 'period_label'])
    .where('id', 'in', ids)
    .where('room_id', 'in', rooms.map((r) => r.roomId))
    .where('payer_kind', '=', 'owners')
    .execute();
  if (bills.length !== ids.length) throw FeesErrors.BILL_NOT_FOUND();
  if (new Set(bills.map((b) => b.room_id)).size > 1) throw FeesErrors.BILLS_OF_ONE_ROOM();
  if (bills.some((b) => b.status !== 'open' || b.amount_fen + b.adjusted_fen - b.paid_fen <= 0)) throw FeesErrors.BILL_NOT_OPEN();
  const first = bills[0]!;
  const room = rooms.find((r) => r.roomId === first.room_id)!;
  const amountFen = bills.reduce((s, b) => s + b.amount_fen + b.adjusted_fen - b.paid_fen, 0);
  const at = ctx.kernel.clock.now();
  const id = newId();
  const no = orderNo(at);
  const provider = configuredProvider(ctx.kernel);
  let created;
  try {
    created = await provider.createOrder({
      merchantId: first.street_id,
      subMerchantId: first.company_id,
      outTradeNo: no,
      amountFen,
      subject: `物业费 ${room.roomLabel} ${bills.map((b) => b.period_label).sort().join('、')}`.slice(0, 120),
      notifyUrl: notifyUrl(ctx.kernel, provider.name),
      returnUrl: `/h5/fees/pay/result/${id}`,
    });
  } catch {
    throw FeesErrors.GATEWAY_FAILED();
  }
  await write(ctx, async (tx) => {
    await tx
      .insertInto('fee_pay_orders')
      .values({
        street_id: first.street_id,
        id,
        no,
        provider: provider.name,
        room_id: first.room_id,
        compound_id: first.compound_id,
        company_id: first.company_id,
        payer_account_id: ctx.actor.accountId,
        payer_name_masked: maskName(ctx.actor.name),
        amount_fen: amountFen,
        provider_order_no: created.providerOrderNo,
        created_at: at,
      })
      .execute();
    await tx
      .insertInto('fee_pay_order_bills')
      .values(bills.map((b) => ({ street_id: first.street_id, order_id: id, bill_id: b.id, due_fen: b.amount_fen + b.adjusted_fen - b.paid_fen })))
      .execute();
    await audit(tx, ctx, { action: 'fees.pay_order.created', placeId: first.compound_id, subjectType: 'fee_pay_order', subjectId: id, detail: { no, amountFen, bills: bills.length } });
  });
  return { id, no, amountFen, payUrl: created.payUrl };
}

/** The resident's own order, polled by the result page until it is paid: with the receipt once booked. */
export async function getMyPayOrder(ctx: Ctx, id: string) {
  const db = read(ctx);
  const order = await db
    .selectFrom('fee_pay_orders as o')
    .leftJoin('fee_receipts as r', (j) => j.onRef('r.street_id', '=', 'o.street_id').onRef('r.payment_id', '=', 'o.payment_id'))
    .leftJoin('fee_payments as p', (j) => j.onRef('p.street_id', '=', 'o.street_id').onRef('p.id', '=', 'o.payment_id'))
    .select(['o.id', 'o.no', 'o.amount_fen as amountFen', 'o.status', 'o.created_at as createdAt', 'o.paid_at as paidAt', 'o.provider_order_no as providerOrderNo', 'p.no as paymentNo', 'r.id as receiptId', 'r.no as receiptNo'])
    .where('o.id', '=', id)
    .where('o.payer_account_id', '=', ctx.actor.accountId)
    .executeTakeFirst();
  if (!order) throw FeesErrors.PAY_ORDER_NOT_FOUND();
  return { ...order, payUrl: order.status === 'created' && order.providerOrderNo ? `/h5/fees/sandbox/${order.providerOrderNo}` : null };
}

/** The bills a resident is about to pay (the pay page's confirmation): theirs, open, with what each owes. */
export async function previewMyBills(ctx: Ctx, billIds: readonly string[]) {
  const db = read(ctx);
  const rooms = await payerRooms(db, ctx);
  const ids = [...new Set(billIds)];
  if (rooms.length === 0 || ids.length === 0) throw FeesErrors.BILL_NOT_FOUND();
  const bills = await db
    .selectFrom('fee_bills')
    .select(['id', 'room_id as roomId', 'period_label as periodLabel', 'status', 'amount_fen', 'adjusted_fen', 'paid_fen', 'due_on as dueOn'])
    .where('id', 'in', ids)
    .where('room_id', 'in', rooms.map((r) => r.roomId))
    .where('payer_kind', '=', 'owners')
    .orderBy('period_start')
    .execute();
  if (bills.length !== ids.length) throw FeesErrors.BILL_NOT_FOUND();
  const items = bills.map((b) => ({ id: b.id, roomId: b.roomId, roomLabel: rooms.find((r) => r.roomId === b.roomId)!.roomLabel, periodLabel: b.periodLabel, status: b.status, dueOn: b.dueOn, dueFen: b.amount_fen + b.adjusted_fen - b.paid_fen }));
  return { items, totalFen: items.reduce((s, b) => s + b.dueFen, 0), oneRoom: new Set(items.map((b) => b.roomId)).size === 1 };
}
