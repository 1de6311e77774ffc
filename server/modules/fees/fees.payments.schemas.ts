import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { SANDBOX_MODES } from './gateway/sandbox.ts';

const Id = z.uuid();
const Fen = z.number().int().min(1).max(100_000_000_00);
const Day = z.iso.date();

export const IdParams = z.object({ id: Id });
export const ProviderParams = z.object({ provider: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/) });
export const SandboxParams = z.object({ orderNo: z.string().regex(/^SBX[0-9A-F]{20}$/) });
export const SandboxPayBody = z.strictObject({ mode: z.enum(SANDBOX_MODES).default('normal') });

export const BillIds = z.array(Id).min(1).max(60);
export const CreatePayOrderBody = z.strictObject({ billIds: BillIds });
export const PreviewQuery = z.object({ bills: z.string().max(60 * 37).transform((v, c) => {
  const ids = v.split(',').filter(Boolean);
  if (ids.length === 0 || ids.length > 60 || !ids.every((x) => z.uuid().safeParse(x).success)) {
    c.addIssue({ code: 'custom', message: 'bills: comma-separated bill ids' });
    return z.NEVER;
  }
  return ids;
}) });

export const CounterPaymentBody = z.strictObject({
  roomId: Id,
  billIds: BillIds,
  channel: z.enum(['cash', 'pos']),
  voucherNo: z.string().trim().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, - and _'),
  amountFen: Fen,
  payerName: z.string().trim().min(1).max(30).optional(),
});
export const RefundBody = z.strictObject({
  amountFen: Fen,
  reason: z.string().trim().min(1).max(500),
  voucherNo: z.string().trim().min(1).max(64).regex(/^[\w-]+$/, 'letters, digits, - and _').optional(),
});

export const PaymentsSort = sortable({ bookedAt: 'p.booked_at', amount: 'p.amount_fen', no: 'p.no', refunded: 'p.refunded_fen' }, { sort: 'bookedAt', order: 'desc' }, 'p.id');
export const PaymentsQuery = PageQuery.extend({
  placeId: Id.optional().describe('payments of compounds at this place or below'),
  q: z.string().trim().max(64).optional().describe('payment, receipt, voucher or transaction number'),
  channel: z.enum(['gateway', 'cash', 'pos']).optional(),
  from: Day.optional().describe('booked on or after this day (Shanghai)'),
  to: Day.optional().describe('booked on or before this day (Shanghai)'),
  ...PaymentsSort.query,
});
export type PaymentsQuery = z.infer<typeof PaymentsQuery>;

export const FlaggedSort = sortable({ createdAt: 'o.created_at', amount: 'o.amount_fen', no: 'o.no' }, { sort: 'createdAt', order: 'desc' }, 'o.id');
export const FlaggedQuery = PageQuery.extend({
  status: z.enum(['flagged', 'closed']).default('flagged'),
  q: z.string().trim().max(64).optional().describe('order number'),
  ...FlaggedSort.query,
});
export type FlaggedQuery = z.infer<typeof FlaggedQuery>;
export const ResolveBody = z.strictObject({ note: z.string().trim().min(1).max(500) });

export const ReconcileBody = z.strictObject({
  streetId: Id,
  day: Day,
  csv: z.string().max(5_000_000).optional().describe("the provider's statement file, uploaded; absent: fetched from the provider"),
});
export const DiffsSort = sortable({ runAt: 'run.run_at', day: 'run.day', kind: 'd.kind', txn: 'd.txn_id' }, { sort: 'runAt', order: 'desc' }, 'd.id');
export const DiffsQuery = PageQuery.extend({
  status: z.enum(['open', 'resolved']).optional(),
  day: Day.optional(),
  q: z.string().trim().max(64).optional().describe('transaction or order number'),
  ...DiffsSort.query,
});
export type DiffsQuery = z.infer<typeof DiffsQuery>;
export const RunsSort = sortable({ runAt: 'r.run_at', day: 'r.day', diffs: 'r.diffs' }, { sort: 'runAt', order: 'desc' }, 'r.id');
export const RunsQuery = PageQuery.extend({ ...RunsSort.query });
export type RunsQuery = z.infer<typeof RunsQuery>;

export const SettlementBody = z.strictObject({
  companyId: Id,
  channel: z.enum(['split', 'bank']),
  period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM or YYYY-MM-DD'),
});
export const MatchBody = z.strictObject({
  statementFen: z.number().int().min(-100_000_000_00).max(100_000_000_00).optional(),
  statementRef: z.string().trim().min(1).max(100).optional(),
});
export const SettlementsSort = sortable({ createdAt: 'b.created_at', period: 'b.period_label', net: 'b.net_fen', status: 'b.status' }, { sort: 'createdAt', order: 'desc' }, 'b.id');
export const SettlementsQuery = PageQuery.extend({
  companyId: Id.optional(),
  status: z.enum(['draft', 'sent', 'matched', 'mismatch']).optional(),
  q: z.string().trim().max(30).optional().describe('period, e.g. 2026-11'),
  ...SettlementsSort.query,
});
export type SettlementsQuery = z.infer<typeof SettlementsQuery>;
export type CounterPaymentBody = z.input<typeof CounterPaymentBody>;
export type RefundBody = z.input<typeof RefundBody>;
export type ReconcileBody = z.input<typeof ReconcileBody>;
export type SettlementBody = z.input<typeof SettlementBody>;
export type MatchBody = z.input<typeof MatchBody>;
