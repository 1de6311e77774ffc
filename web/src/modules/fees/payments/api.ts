import { yuan as signedYuan } from '../money.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CounterPaymentBody,
  createPayOrder,
  createSettlement,
  getMyPayOrder,
  getPayment,
  getSettlement,
  listFlaggedOrders,
  listPayments,
  listReconDiffs,
  listReconRuns,
  listSettlements,
  matchSettlement,
  MatchBody,
  previewMyBills,
  reconcileDay,
  ReconcileBody,
  refundPayment,
  RefundBody,
  roomOpenBills,
  sandboxOrder,
  SandboxMode,
  SettlementBody,
  settlementCompanies,
  takeCounterPayment,
} from '#server/modules/fees/contract.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The payments part's API as the web uses it; answer types come from the server's use cases (type-only). */
type Answer<F extends (...a: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
export type PaymentRow = Answer<typeof listPayments>['items'][number];
export type PaymentDetail = Answer<typeof getPayment>;
export type FlaggedRow = Answer<typeof listFlaggedOrders>['items'][number];
export type DiffRow = Answer<typeof listReconDiffs>['items'][number];
export type RunRow = Answer<typeof listReconRuns>['items'][number];
export type SettlementRow = Answer<typeof listSettlements>['items'][number];
export type SettlementDetail = Answer<typeof getSettlement>;
export type RoomBills = Answer<typeof roomOpenBills>;
export type PayPreview = Answer<typeof previewMyBills>;
export type MyPayOrder = Answer<typeof getMyPayOrder>;
export type SandboxOrder = Answer<typeof sandboxOrder>;

const keys = {
  all: ['feesPayments'] as const,
  payments: (q: Query) => ['feesPayments', 'payments', q] as const,
  payment: (id: string) => ['feesPayments', 'payment', id] as const,
  flagged: (q: Query) => ['feesPayments', 'flagged', q] as const,
  diffs: (q: Query) => ['feesPayments', 'diffs', q] as const,
  runs: (q: Query) => ['feesPayments', 'runs', q] as const,
  settlements: (q: Query) => ['feesPayments', 'settlements', q] as const,
  settlement: (id: string) => ['feesPayments', 'settlement', id] as const,
  companies: ['feesPayments', 'companies'] as const,
  roomBills: (id: string) => ['feesPayments', 'roomBills', id] as const,
  preview: (ids: string) => ['feesPayments', 'preview', ids] as const,
  myOrder: (id: string) => ['feesPayments', 'myOrder', id] as const,
  sandbox: (no: string) => ['feesPayments', 'sandbox', no] as const,
};

/** Amounts are integer fen; shown as yuan with two decimals. */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : signedYuan(fen));
/** '123.45' → 12345 fen, exactly (no floating point); null when it is not an amount. */
export function fenOf(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

export const usePayments = (q: Query) => useQuery({ queryKey: keys.payments(q), queryFn: () => apiGet<Page<PaymentRow>>('/api/fees/payments', q), placeholderData: keepPreviousData });
export const usePayment = (id: string | null) => useQuery({ queryKey: keys.payment(id ?? ''), queryFn: () => apiGet<PaymentDetail>(`/api/fees/payments/${id}`), enabled: !!id });
export const useFlagged = (q: Query) => useQuery({ queryKey: keys.flagged(q), queryFn: () => apiGet<Page<FlaggedRow>>('/api/fees/flagged-orders', q), placeholderData: keepPreviousData });
export const useDiffs = (q: Query) => useQuery({ queryKey: keys.diffs(q), queryFn: () => apiGet<Page<DiffRow>>('/api/fees/reconciliation-diffs', q), placeholderData: keepPreviousData });
export const useRuns = (q: Query) => useQuery({ queryKey: keys.runs(q), queryFn: () => apiGet<Page<RunRow>>('/api/fees/reconciliations', q), placeholderData: keepPreviousData });
export const useSettlements = (q: Query) => useQuery({ queryKey: keys.settlements(q), queryFn: () => apiGet<Page<SettlementRow>>('/api/fees/settlements', q), placeholderData: keepPreviousData });
export const useSettlement = (id: string | null) => useQuery({ queryKey: keys.settlement(id ?? ''), queryFn: () => apiGet<SettlementDetail>(`/api/fees/settlements/${id}`), enabled: !!id });
export const useCompanies = () => useQuery({ queryKey: keys.companies, queryFn: () => apiGet<Answer<typeof settlementCompanies>>('/api/fees/settlement-companies') });
export const useRoomBills = (roomId: string | null) => useQuery({ queryKey: keys.roomBills(roomId ?? ''), queryFn: () => apiGet<RoomBills>(`/api/fees/rooms/${roomId}/open-bills`), enabled: !!roomId });
export const usePayPreview = (ids: string) => useQuery({ queryKey: keys.preview(ids), queryFn: () => apiGet<PayPreview>('/api/me/fees/pay-preview', { bills: ids }), enabled: !!ids });
/** Polled every 2 s until the order is paid (or flagged/closed). */
export const useMyPayOrder = (id: string) =>
  useQuery({ queryKey: keys.myOrder(id), queryFn: () => apiGet<MyPayOrder>(`/api/me/fees/pay-orders/${id}`), refetchInterval: (q) => (q.state.data && q.state.data.status !== 'created' ? false : 2000) });
export const useSandboxOrder = (no: string) => useQuery({ queryKey: keys.sandbox(no), queryFn: () => apiGet<SandboxOrder>(`/api/fees/sandbox/orders/${no}`) });

function useWrite<B, R>(fn: (b: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: keys.all }) });
}
export const useCounterPayment = () => useWrite((b: CounterPaymentBody) => apiPost<Answer<typeof takeCounterPayment>>('/api/fees/counter-payments', b));
export const useRefund = (paymentId: string) => useWrite((b: RefundBody) => apiPost<Answer<typeof refundPayment>>(`/api/fees/payments/${paymentId}/refunds`, b));
export const useResolveFlagged = () => useWrite(({ id, note }: { id: string; note: string }) => apiPost(`/api/fees/flagged-orders/${id}/resolve`, { note }));
export const useResolveDiff = () => useWrite(({ id, note }: { id: string; note: string }) => apiPost(`/api/fees/reconciliation-diffs/${id}/resolve`, { note }));
export const useReconcile = () => useWrite((b: ReconcileBody) => apiPost<Answer<typeof reconcileDay>>('/api/fees/reconciliations', b));
export const useCreateSettlement = () => useWrite((b: SettlementBody) => apiPost<Answer<typeof createSettlement>>('/api/fees/settlements', b));
export const useSendSettlement = () => useWrite((id: string) => apiPost(`/api/fees/settlements/${id}/send`));
export const useMatchSettlement = () => useWrite(({ id, ...b }: MatchBody & { id: string }) => apiPost<Answer<typeof matchSettlement>>(`/api/fees/settlements/${id}/match`, b));
export const useCreatePayOrder = () => useWrite((billIds: string[]) => apiPost<Answer<typeof createPayOrder>>('/api/me/fees/pay-orders', { billIds }));
export const useSandboxPay = (no: string) => useWrite((mode: SandboxMode) => apiPost<{ returnUrl: string | null }>(`/api/fees/sandbox/orders/${no}/pay`, { mode }));
export const useSandboxCancel = (no: string) => useWrite(() => apiPost(`/api/fees/sandbox/orders/${no}/cancel`));

/** A file from one of the part's GET routes (xlsx, PDF), saved under a name. */
export { downloadFrom as downloadXlsx } from '../../../shared/download.ts';
