import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../fees.db.ts';
import { read } from '../fees.db.ts';
import { allows } from '../fees.policy.ts';
import { billFor } from './bills-access.ts';

/** What a bill shows to whoever may see it: its lines with their formulas, adjustments and payments. */
export async function billView(db: Executor, billId: string, opts: { staff: boolean }) {
  const bill = await db
    .selectFrom('fee_bills as b')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'b.street_id').onRef('p.id', '=', 'b.room_id'))
    .select([
      'b.id',
      'b.street_id as streetId',
      'b.room_id as roomId',
      'b.compound_id as compoundId',
      'b.company_id as companyId',
      'b.period_label as periodLabel',
      'b.period_start as periodStart',
      'b.period_end as periodEnd',
      'b.payer_kind as payerKind',
      'b.source',
      'b.amount_fen as amountFen',
      'b.adjusted_fen as adjustedFen',
      'b.paid_fen as paidFen',
      'b.status',
      'b.due_on as dueOn',
      'b.issued_at as issuedAt',
      pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'),
    ])
    .where('b.id', '=', billId)
    .executeTakeFirstOrThrow();
  const [lines, adjustments, allocations] = await Promise.all([
    db.selectFrom('fee_bill_lines').select(['line_no as lineNo', 'label', 'formula', 'amount_fen as amountFen']).where('street_id', '=', bill.streetId).where('bill_id', '=', bill.id).orderBy('line_no').execute(),
    db
      .selectFrom('fee_adjustments as a')
      .leftJoin('approvals as ap', 'ap.id', 'a.approval_id')
      .leftJoin('accounts as r', 'r.id', 'a.requested_by')
      .leftJoin('accounts as d', 'd.id', 'a.decided_by')
      .select(['a.id', 'a.kind', 'a.delta_fen as deltaFen', 'a.reason', 'a.status', 'ap.status as approvalStatus', 'a.requested_at as requestedAt', 'a.decided_at as decidedAt', 'r.display_name as requestedBy', 'd.display_name as decidedBy'])
      .where('a.street_id', '=', bill.streetId)
      .where('a.bill_id', '=', bill.id)
      .orderBy('a.requested_at')
      .execute(),
    db
      .selectFrom('fee_payment_allocations as al')
      .innerJoin('fee_payments as pm', (j) => j.onRef('pm.street_id', '=', 'al.street_id').onRef('pm.id', '=', 'al.payment_id'))
      .select(['al.id', 'al.amount_fen as amountFen', 'al.at', 'pm.no as paymentNo', 'pm.channel'])
      .where('al.street_id', '=', bill.streetId)
      .where('al.bill_id', '=', bill.id)
      .orderBy('al.at')
      .execute(),
  ]);
  return {
    ...bill,
    dueFen: bill.status === 'open' ? bill.amountFen + bill.adjustedFen - bill.paidFen : 0,
    lines,
    // A request the approver rejected stays pending in the module's table: the approval's status tells.
    adjustments: adjustments.map(({ approvalStatus, ...a }) => ({ ...a, status: a.status === 'pending' && approvalStatus === 'rejected' ? ('rejected' as const) : a.status, ...(opts.staff ? {} : { requestedBy: null, decidedBy: null }) })),
    allocations,
  };
}

/** Staff: a bill of a place they read, with its audit timeline. */
export async function getBill(ctx: Ctx, billId: string) {
  const db = read(ctx);
  const bill = await billFor(db, ctx, billId, 'read');
  const [view, timeline] = await Promise.all([
    billView(db, bill.id, { staff: true }),
    db.selectFrom('audit_log').select(['id', 'at', 'action', 'actor_name as actorName', 'detail']).where('subject_type', '=', 'fee_bill').where('subject_id', '=', bill.id).orderBy('seq').execute(),
  ]);
  return { ...view, timeline, can: { adjust: allows(ctx.actor, 'bill', bill.compound_path) } };
}
