import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import type { ReconDiffKind } from '../fees.tables.ts';
import { configuredProvider } from '../gateway/providers.ts';
import { parseStatement, STATEMENT_HEADER, type StatementRow } from '../gateway/provider.ts';
import { shanghaiDay } from '../gateway/sandbox.ts';
import { staffPlace } from './staff-scope.ts';

export interface BookRow {
  txnId: string;
  type: 'pay' | 'refund';
  amountFen: number;
  outTradeNo: string | null;
  compoundId: string;
}
export interface Diff {
  kind: ReconDiffKind;
  txnType: 'pay' | 'refund';
  txnId: string;
  outTradeNo: string | null;
  statementFen: number | null;
  bookFen: number | null;
  compoundId: string | null;
}

/**
 * The comparison, by transaction id (payments by the provider's transaction, refunds by the provider's refund
 * transaction): in the statement but not the book, in the book but not the statement, or in both with different
 * amounts. Pure: the tests plant each kind.
 */
export function compareStatement(statement: readonly StatementRow[], book: readonly BookRow[]): Diff[] {
  const inBook = new Map(book.map((b) => [`${b.type}:${b.txnId}`, b]));
  const inStatement = new Map(statement.map((s) => [`${s.type}:${s.txnId}`, s]));
  const diffs: Diff[] = [];
  for (const [key, s] of inStatement) {
    const b = inBook.get(key);
    if (!b) diffs.push({ kind: 'missing_in_book', txnType: s.type, txnId: s.txnId, outTradeNo: s.outTradeNo, statementFen: s.amountFen, bookFen: null, compoundId: null });
    else if (b.amountFen !== s.amountFen) diffs.push({ kind: 'amount_differs', txnType: s.type, txnId: s.txnId, outTradeNo: s.outTradeNo, statementFen: s.amountFen, bookFen: b.amountFen, compoundId: b.compoundId });
  }
  for (const [key, b] of inBook) {
    if (!inStatement.has(key)) diffs.push({ kind: 'missing_in_statement', txnType: b.type, txnId: b.txnId, outTradeNo: b.outTradeNo, statementFen: null, bookFen: b.amountFen, compoundId: b.compoundId });
  }
  return diffs;
}

/**
 * Reconciles one day of the street's merchant account: the provider's daily statement (fetched, or uploaded as
 * its CSV) against the book — gateway payments booked and gateway refunds made that Shanghai day — and keeps the
 * run with its differences for staff to resolve. Street-level bill role (the merchant account is the street's).
 * A day may be run again (a late notification booked meanwhile): each run keeps its own differences.
 */
export async function reconcileDay(ctx: Ctx, input: { streetId: string; day: string; csv?: string | undefined }) {
  const db = read(ctx);
  const street = await staffPlace(ctx, db, input.streetId, 'bill');
  if (street.kind !== 'street') throw FeesErrors.PLACE_NOT_FOUND();
  const provider = configuredProvider(ctx.kernel);
  let csv = input.csv;
  if (csv === undefined) {
    try {
      csv = await provider.dailyStatement(street.id, input.day);
    } catch {
      throw FeesErrors.GATEWAY_FAILED();
    }
  }
  const rows = parseStatement(csv);
  if (!rows) throw FeesErrors.STATEMENT_INVALID({ header: STATEMENT_HEADER });
  const { start, end } = shanghaiDay(input.day);
  const pays = await db
    .selectFrom('fee_payments as p')
    .leftJoin('fee_pay_orders as o', (j) => j.onRef('o.street_id', '=', 'p.street_id').onRef('o.payment_id', '=', 'p.id'))
    .select(['p.provider_txn_id', 'p.amount_fen', 'p.compound_id', 'o.no'])
    .where('p.street_id', '=', street.id)
    .where('p.channel', '=', 'gateway')
    .where('p.provider', '=', provider.name)
    .where('p.booked_at', '>=', start)
    .where('p.booked_at', '<', end)
    .execute();
  const refunds = await db
    .selectFrom('fee_refunds as r')
    .innerJoin('fee_payments as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.payment_id'))
    .leftJoin('fee_pay_orders as o', (j) => j.onRef('o.street_id', '=', 'p.street_id').onRef('o.payment_id', '=', 'p.id'))
    .select(['r.provider_refund_txn', 'r.amount_fen', 'r.compound_id', 'o.no'])
    .where('r.street_id', '=', street.id)
    .where('p.channel', '=', 'gateway')
    .where('r.refunded_at', '>=', start)
    .where('r.refunded_at', '<', end)
    .execute();
  const book: BookRow[] = [
    ...pays.map((p) => ({ txnId: p.provider_txn_id!, type: 'pay' as const, amountFen: p.amount_fen, outTradeNo: p.no, compoundId: p.compound_id })),
    ...refunds.filter((r) => r.provider_refund_txn).map((r) => ({ txnId: r.provider_refund_txn!, type: 'refund' as const, amountFen: r.amount_fen, outTradeNo: r.no, compoundId: r.compound_id })),
  ];
  const diffs = compareStatement(rows, book);
  // A row missing from the book still names its order: its compound tells which staff see the difference.
  const orphanNos = diffs.filter((d) => !d.compoundId && d.outTradeNo).map((d) => d.outTradeNo!);
  const orders = orphanNos.length ? await db.selectFrom('fee_pay_orders').select(['no', 'compound_id']).where('street_id', '=', street.id).where('no', 'in', orphanNos).execute() : [];
  for (const d of diffs) d.compoundId ??= orders.find((o) => o.no === d.outTradeNo)?.compound_id ?? null;
  const id = newId();
  await write(ctx, async (tx) => {
    await tx
      .insertInto('fee_recon_runs')
      .values({ street_id: street.id, id, provider: provider.name, day: input.day, source: input.csv === undefined ? 'fetched' : 'uploaded', statement_rows: rows.length, book_rows: book.length, diffs: diffs.length, statement_csv: csv, run_at: ctx.kernel.clock.now(), run_by: ctx.actor.accountId })
      .execute();
    if (diffs.length) {
      await tx
        .insertInto('fee_recon_diffs')
        .values(diffs.map((d) => ({ street_id: street.id, id: newId(), run_id: id, compound_id: d.compoundId, kind: d.kind, txn_type: d.txnType, txn_id: d.txnId, out_trade_no: d.outTradeNo, statement_fen: d.statementFen, book_fen: d.bookFen })))
        .execute();
    }
    await audit(tx, ctx, { action: 'fees.recon.run', placeId: street.id, subjectType: 'fee_recon_run', subjectId: id, detail: { day: input.day, statementRows: rows.length, bookRows: book.length, diffs: diffs.length } });
  });
  return { id, day: input.day, statementRows: rows.length, bookRows: book.length, diffs };
}

/** Staff resolve a difference with a note (bill role at its compound, or the street's when it names none). */
export async function resolveReconDiff(ctx: Ctx, diffId: string, input: { note: string }) {
  const db = read(ctx);
  const d = await db.selectFrom('fee_recon_diffs').select(['street_id', 'id', 'compound_id', 'status', 'kind', 'txn_id']).where('id', '=', diffId).executeTakeFirst();
  if (!d) throw FeesErrors.RECON_DIFF_NOT_FOUND();
  await staffPlace(ctx, db, d.compound_id ?? d.street_id, 'bill', () => FeesErrors.RECON_DIFF_NOT_FOUND());
  if (d.status !== 'open') throw FeesErrors.RECON_DIFF_RESOLVED();
  return write(ctx, async (tx) => {
    const done = await tx
      .updateTable('fee_recon_diffs')
      .set({ status: 'resolved', note: input.note, resolved_by: ctx.actor.accountId, resolved_at: ctx.kernel.clock.now() })
      .where('street_id', '=', d.street_id)
      .where('id', '=', d.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw FeesErrors.RECON_DIFF_RESOLVED();
    await audit(tx, ctx, { action: 'fees.recon.resolved', placeId: d.compound_id ?? d.street_id, subjectType: 'fee_recon_diff', subjectId: d.id, detail: { kind: d.kind, txnId: d.txn_id, note: input.note } });
    return { id: d.id, status: 'resolved' as const };
  });
}
