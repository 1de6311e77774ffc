import { requestApproval } from '../../../kernel/approvals/approvals.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, type Tx, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { billFor, fenToYuan } from './bills-access.ts';

export type AdjustmentInput = { kind: 'adjust'; deltaFen: number; reason: string } | { kind: 'write_off'; reason: string };

const dueOf = (b: { amount_fen: number; adjusted_fen: number; paid_fen: number }) => b.amount_fen + b.adjusted_fen - b.paid_fen;

/** Whether an adjustment may apply to the bill as it stands: never below what was paid, never a negative due. */
function check(bill: { amount_fen: number; adjusted_fen: number; paid_fen: number; status: string }, kind: 'adjust' | 'write_off', deltaFen: number) {
  if (bill.status === 'written_off') throw FeesErrors.BILL_NOT_OPEN();
  if (kind === 'write_off') {
    if (bill.status !== 'open' || dueOf(bill) <= 0) throw FeesErrors.NOTHING_TO_WRITE_OFF();
    return;
  }
  const after = bill.amount_fen + bill.adjusted_fen + deltaFen;
  if (after < 0) throw FeesErrors.ADJUSTMENT_NEGATIVE();
  if (after < bill.paid_fen) throw FeesErrors.ADJUSTMENT_BELOW_PAID({ paid: fenToYuan(bill.paid_fen) });
}

/**
 * Asks a second person to adjust a bill (± an amount) or write off what is left of it, with the reason. Nothing
 * changes until another person with the approve permission approves (`fees.adjustment`); the bill's lines never
 * change, and the adjustment stays on the bill's history.
 */
export async function requestAdjustment(ctx: Ctx, billId: string, input: AdjustmentInput) {
  const bill = await billFor(read(ctx), ctx, billId, 'bill');
  const deltaFen = input.kind === 'adjust' ? input.deltaFen : 0;
  check(bill, input.kind, deltaFen);
  // A request the approver rejected stays 'pending' here (the kernel does not call the module on a reject): the
  // approval's own status says whether one still waits.
  const pending = await read(ctx)
    .selectFrom('fee_adjustments as a')
    .innerJoin('approvals as ap', 'ap.id', 'a.approval_id')
    .select('a.id')
    .where('a.street_id', '=', bill.street_id)
    .where('a.bill_id', '=', bill.id)
    .where('a.status', '=', 'pending')
    .where('ap.status', '=', 'pending')
    .executeTakeFirst();
  if (pending) throw FeesErrors.ADJUSTMENT_PENDING();
  const id = newId();
  return write(ctx, async (tx) => {
    await tx
      .insertInto('fee_adjustments')
      .values({
        street_id: bill.street_id,
        id,
        bill_id: bill.id,
        kind: input.kind,
        // A write-off's amount is settled when it is approved: whatever is due then.
        delta_fen: deltaFen,
        reason: input.reason,
        approval_id: null,
        requested_by: ctx.actor.accountId,
        requested_at: ctx.kernel.clock.now(),
        decided_by: null,
        decided_at: null,
      })
      .execute();
    const summary =
      input.kind === 'write_off'
        ? `核销账单 ${bill.period_label}（应缴 ${fenToYuan(dueOf(bill))} 元）：${input.reason}`
        : `调整账单 ${bill.period_label} ${deltaFen > 0 ? '+' : ''}${fenToYuan(deltaFen)} 元：${input.reason}`;
    const { approvalId } = await requestApproval(tx, ctx, { kind: 'fees.adjustment', placeId: bill.room_id, summary, payload: { streetId: bill.street_id, adjustmentId: id } });
    await tx.updateTable('fee_adjustments').set({ approval_id: approvalId }).where('street_id', '=', bill.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'fees.adjustment.requested', placeId: bill.room_id, subjectType: 'fee_bill', subjectId: bill.id, after: { adjustmentId: id, kind: input.kind, deltaFen } });
    return { id, approvalId, status: 'pending' as const };
  });
}

/**
 * The `fees.adjustment` approval's effect, checked again against the bill as it stands now (a payment may have come
 * in meanwhile): an adjustment moves adjusted_fen (and marks the bill paid when what is due reaches what was paid);
 * a write-off lowers what is due to what was paid and closes the bill as written off.
 */
export async function applyAdjustmentApproval(tx: Tx, ctx: Ctx, payload: { streetId: string; adjustmentId: string }) {
  const adj = await tx.selectFrom('fee_adjustments').selectAll().where('street_id', '=', payload.streetId).where('id', '=', payload.adjustmentId).forUpdate().executeTakeFirstOrThrow();
  const bill = await tx.selectFrom('fee_bills').selectAll().where('street_id', '=', adj.street_id).where('id', '=', adj.bill_id).forUpdate().executeTakeFirstOrThrow();
  check(bill, adj.kind, adj.delta_fen);
  const deltaFen = adj.kind === 'write_off' ? -dueOf(bill) : adj.delta_fen;
  const adjusted = bill.adjusted_fen + deltaFen;
  const status = adj.kind === 'write_off' ? 'written_off' : bill.amount_fen + adjusted <= bill.paid_fen ? 'paid' : 'open';
  const now = ctx.kernel.clock.now();
  await tx.updateTable('fee_bills').set({ adjusted_fen: adjusted, status }).where('street_id', '=', bill.street_id).where('id', '=', bill.id).execute();
  await tx.updateTable('fee_adjustments').set({ status: 'approved', delta_fen: deltaFen, decided_by: ctx.actor.accountId, decided_at: now }).where('street_id', '=', adj.street_id).where('id', '=', adj.id).execute();
  await audit(tx, ctx, {
    action: adj.kind === 'write_off' ? 'fees.bill.written_off' : 'fees.bill.adjusted',
    placeId: bill.room_id,
    subjectType: 'fee_bill',
    subjectId: bill.id,
    before: { adjustedFen: bill.adjusted_fen, status: bill.status },
    after: { adjustedFen: adjusted, status, adjustmentId: adj.id },
  });
  return { billId: bill.id, adjustedFen: adjusted, status };
}
