import { propertyCompanies } from '../../registry/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { configuredProvider } from '../gateway/providers.ts';
import { shanghaiDay } from '../gateway/sandbox.ts';
import { staffPlace } from './staff-scope.ts';

/**
 * '2026-11' (a month) or '2026-11-05' (a day) → its kind and its days [start, end). Invalid → null.
 */
export function settlementPeriod(label: string): { kind: 'day' | 'month'; start: string; end: string } | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(label);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
  if (mo < 1 || mo > 12 || y < 2000 || y > 2100) return null;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  if (d === null) return { kind: 'month', start: iso(Date.UTC(y, mo - 1, 1)), end: iso(Date.UTC(y, mo, 1)) };
  const t = Date.UTC(y, mo - 1, d);
  if (iso(t) !== label) return null;
  return { kind: 'day', start: label, end: iso(t + 86_400_000) };
}

/**
 * Which money a batch settles, by channel: `split` — gateway payments, which the provider splits to the
 * company's sub-merchant account (its settlement statement is matched); `bank` — counter money (cash and POS)
 * banked at the centre's account, paid on by bank transfer (the bank statement's amount is matched).
 */
const CHANNELS = { split: ['gateway'], bank: ['cash', 'pos'] } as const;

/**
 * A settlement batch (清分) for one property company, channel and period: the payments booked for the company's
 * compounds in the period (Shanghai days) minus the refunds made in it, each as a line that is never edited.
 * The street's settle role (FEES_ROLES.settle) at the company's street. One batch per company, channel and period.
 */
export async function createSettlement(ctx: Ctx, input: { companyId: string; channel: 'split' | 'bank'; period: string }) {
  const db = read(ctx);
  const [company] = await propertyCompanies(db, { ids: [input.companyId] });
  if (!company) throw FeesErrors.COMPANY_NOT_FOUND();
  const street = await staffPlace(ctx, db, company.streetId, 'settle', () => FeesErrors.COMPANY_NOT_FOUND());
  const period = settlementPeriod(input.period);
  if (!period) throw FeesErrors.PERIOD_INVALID();
  const from = shanghaiDay(period.start).start;
  const to = shanghaiDay(period.end).start;
  const channels = [...CHANNELS[input.channel]];
  const payments = await db
    .selectFrom('fee_payments')
    .select(['id', 'no', 'compound_id', 'amount_fen', 'booked_at'])
    .where('street_id', '=', street.street_id!)
    .where('company_id', '=', input.companyId)
    .where('channel', 'in', channels)
    .where('booked_at', '>=', from)
    .where('booked_at', '<', to)
    .orderBy('booked_at')
    .orderBy('id')
    .execute();
  const refunds = await db
    .selectFrom('fee_refunds as r')
    .innerJoin('fee_payments as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.payment_id'))
    .select(['r.id', 'r.no', 'r.compound_id', 'r.amount_fen', 'r.refunded_at'])
    .where('r.street_id', '=', street.street_id!)
    .where('p.company_id', '=', input.companyId)
    .where('p.channel', 'in', channels)
    .where('r.refunded_at', '>=', from)
    .where('r.refunded_at', '<', to)
    .orderBy('r.refunded_at')
    .orderBy('r.id')
    .execute();
  const paidFen = payments.reduce((s, p) => s + p.amount_fen, 0);
  const refundedFen = refunds.reduce((s, r) => s + r.amount_fen, 0);
  const id = newId();
  const lines = [
    ...payments.map((p) => ({ kind: 'payment' as const, ref_id: p.id, ref_no: p.no, compound_id: p.compound_id, amount_fen: p.amount_fen, at: p.booked_at })),
    ...refunds.map((r) => ({ kind: 'refund' as const, ref_id: r.id, ref_no: r.no, compound_id: r.compound_id, amount_fen: -r.amount_fen, at: r.refunded_at })),
  ];
  return write(ctx, async (tx) => {
    const inserted = await tx
      .insertInto('fee_settlement_batches')
      .values({
        street_id: street.street_id!,
        id,
        company_id: input.companyId,
        channel: input.channel,
        period_kind: period.kind,
        period_label: input.period,
        period_start: period.start,
        period_end: period.end,
        paid_fen: paidFen,
        refunded_fen: refundedFen,
        net_fen: paidFen - refundedFen,
        created_by: ctx.actor.accountId,
        created_at: ctx.kernel.clock.now(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw FeesErrors.SETTLEMENT_EXISTS();
    if (lines.length) await tx.insertInto('fee_settlement_lines').values(lines.map((l, i) => ({ street_id: street.street_id!, batch_id: id, line_no: i + 1, ...l }))).execute();
    await audit(tx, ctx, { action: 'fees.settlement.created', placeId: street.id, subjectType: 'fee_settlement', subjectId: id, detail: { companyId: input.companyId, channel: input.channel, period: input.period, netFen: paidFen - refundedFen, lines: lines.length } });
    return { id, paidFen, refundedFen, netFen: paidFen - refundedFen, lines: lines.length };
  });
}

async function batchFor(ctx: Ctx, id: string) {
  const db = read(ctx);
  const b = await db.selectFrom('fee_settlement_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw FeesErrors.SETTLEMENT_NOT_FOUND();
  await staffPlace(ctx, db, b.street_id, 'settle', () => FeesErrors.SETTLEMENT_NOT_FOUND());
  return b;
}

/** draft → sent: the batch is handed to the provider (split) or the bank for payment to the company. */
export async function sendSettlement(ctx: Ctx, id: string) {
  const b = await batchFor(ctx, id);
  if (b.status !== 'draft') throw FeesErrors.SETTLEMENT_STATE();
  return write(ctx, async (tx) => {
    const r = await tx.updateTable('fee_settlement_batches').set({ status: 'sent', sent_at: ctx.kernel.clock.now() }).where('street_id', '=', b.street_id).where('id', '=', b.id).where('status', '=', 'draft').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw FeesErrors.SETTLEMENT_STATE();
    await audit(tx, ctx, { action: 'fees.settlement.sent', placeId: b.street_id, subjectType: 'fee_settlement', subjectId: b.id, detail: { netFen: b.net_fen } });
    return { id: b.id, status: 'sent' as const };
  });
}

/**
 * A sent batch matched against the settlement statement: the provider's split statement for the company and the
 * period (split), or the bank statement's amount and reference the staff enter (bank). Equal → matched, else
 * mismatch (the difference kept; matching again later, e.g. after a late split, may still match).
 */
export async function matchSettlement(ctx: Ctx, id: string, input: { statementFen?: number | undefined; statementRef?: string | undefined }) {
  const b = await batchFor(ctx, id);
  if (b.status === 'draft' || b.status === 'matched') throw FeesErrors.SETTLEMENT_STATE();
  let statement: { totalFen: number; ref: string };
  if (b.channel === 'split') {
    try {
      statement = await configuredProvider(ctx.kernel).settlementStatement(b.company_id, b.period_start, b.period_end);
    } catch {
      throw FeesErrors.GATEWAY_FAILED();
    }
  } else {
    if (input.statementFen === undefined || !input.statementRef) throw FeesErrors.BANK_STATEMENT_REQUIRED();
    statement = { totalFen: input.statementFen, ref: input.statementRef };
  }
  const status = statement.totalFen === b.net_fen ? ('matched' as const) : ('mismatch' as const);
  return write(ctx, async (tx) => {
    await tx
      .updateTable('fee_settlement_batches')
      .set({ status, statement_fen: statement.totalFen, statement_ref: statement.ref, matched_at: status === 'matched' ? ctx.kernel.clock.now() : null })
      .where('street_id', '=', b.street_id)
      .where('id', '=', b.id)
      .execute();
    await audit(tx, ctx, { action: 'fees.settlement.matched', placeId: b.street_id, subjectType: 'fee_settlement', subjectId: b.id, detail: { status, netFen: b.net_fen, statementFen: statement.totalFen, ref: statement.ref } });
    return { id: b.id, status, netFen: b.net_fen, statementFen: statement.totalFen, diffFen: statement.totalFen - b.net_fen };
  });
}

/** A batch with its lines (the company's statement of the period), for the street's settle role. */
export async function getSettlement(ctx: Ctx, id: string) {
  const b = await batchFor(ctx, id);
  const lines = await read(ctx)
    .selectFrom('fee_settlement_lines as l')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'l.street_id').onRef('c.id', '=', 'l.compound_id'))
    .select(['l.line_no as lineNo', 'l.kind', 'l.ref_no as refNo', 'c.name as compound', 'l.amount_fen as amountFen', 'l.at'])
    .where('l.street_id', '=', b.street_id)
    .where('l.batch_id', '=', b.id)
    .orderBy('l.line_no')
    .execute();
  return { ...shape(b), lines };
}

export const shape = (b: { id: string; company_id: string; channel: string; period_kind: string; period_label: string; paid_fen: number; refunded_fen: number; net_fen: number; status: string; statement_fen: number | null; statement_ref: string | null; created_at: Date; sent_at: Date | null; matched_at: Date | null }) => ({
  id: b.id,
  companyId: b.company_id,
  channel: b.channel,
  periodKind: b.period_kind,
  period: b.period_label,
  paidFen: b.paid_fen,
  refundedFen: b.refunded_fen,
  netFen: b.net_fen,
  status: b.status,
  statementFen: b.statement_fen,
  statementRef: b.statement_ref,
  createdAt: b.created_at,
  sentAt: b.sent_at,
  matchedAt: b.matched_at,
});
