import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiUpload, type Page, type Query } from '../../shared/api.ts';

/** Shapes of the kernel's payout routes (server/kernel/payouts). */
export const PAYOUT_STATUSES = ['draft', 'reviewed', 'approved', 'paid', 'closed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export type PayoutAction = 'review' | 'approve' | 'pay' | 'close' | 'correct';

export interface PayoutKindInfo {
  key: string;
  name: string;
  payee: string;
  period: 'month' | 'quarter';
  lastEndedPeriod: string;
  currentPeriod: string;
}

export interface PayoutStatementItem {
  id: string;
  kind: string;
  kindName: string;
  payeeName: string;
  placeName: string;
  placeLabel: string | null;
  period: string;
  status: PayoutStatus;
  totalFen: number;
  lineCount: number;
  generatedAt: string;
  paidAt: string | null;
  voucherNo: string | null;
}

export interface PayoutLine {
  id: string;
  sourceType: string;
  sourceId: string;
  placeLabel: string | null;
  description: string;
  quantity: number;
  unitFen: number;
  amountFen: number;
  reversesLineId: string | null;
  reason: string | null;
  createdAt: string;
  createdBy: string | null;
  reversedById: string | null;
  reversedInPeriod: string | null;
}

export interface PayoutStatement {
  id: string;
  kind: string;
  kindName: string;
  payeeKind: string;
  payeeName: string;
  placeLabel: string;
  period: string;
  status: PayoutStatus;
  totalFen: number;
  generatedAt: string;
  generatedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  paidAt: string | null;
  paidBy: string | null;
  voucherNo: string | null;
  voucherFileName: string | null;
  closedAt: string | null;
  closedBy: string | null;
  lines: PayoutLine[];
  timeline: { seq: number; at: string; actorName: string | null; action: string; detail: Record<string, unknown> | null }[];
  actions: PayoutAction[];
}

export interface PayoutFigures {
  items: { kind: string; kindName: string; period: string; statements: number; totalFen: number; paidFen: number; byStatus: Record<PayoutStatus, { statements: number; totalFen: number }> }[];
}

/** 元 with two decimals from integer fen (display only). */
export const yuan = (fen: number) => `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export const usePayoutKinds = () => useQuery({ queryKey: ['payouts', 'kinds'], queryFn: () => apiGet<{ items: PayoutKindInfo[] }>('/api/payouts/kinds') });
export const usePayouts = (q: Query) =>
  useQuery({ queryKey: ['payouts', 'list', q], queryFn: () => apiGet<Page<PayoutStatementItem>>('/api/payouts', q), placeholderData: keepPreviousData });
export const usePayoutFigures = (q: Query) => useQuery({ queryKey: ['payouts', 'summary', q], queryFn: () => apiGet<PayoutFigures>('/api/payouts/summary', q) });
export const usePayout = (id: string) => useQuery({ queryKey: ['payouts', 'one', id], queryFn: () => apiGet<PayoutStatement>(`/api/payouts/${id}`) });

/** Every payout change: the lists, figures and the statement are all stale after it. */
function usePayoutMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['payouts'] }) });
}
export const useTransition = () =>
  usePayoutMutation(({ id, action, note }: { id: string; action: 'review' | 'approve' | 'close'; note?: string }) => apiPost(`/api/payouts/${id}/${action}`, note ? { note } : {}));
export const usePay = () =>
  usePayoutMutation(({ id, voucherNo, file }: { id: string; voucherNo: string; file: File }) => {
    const form = new FormData();
    form.append('voucherNo', voucherNo);
    form.append('file', file);
    return apiUpload(`/api/payouts/${id}/pay`, form);
  });
export const useCorrect = () =>
  usePayoutMutation(
    ({ id, ...body }: { id: string; lineId: string; reason: string; replacement?: { quantity: number; unitFen: number; description?: string } }) =>
      apiPost<{ statementId: string; period: string; status: PayoutStatus }>(`/api/payouts/${id}/corrections`, body),
  );
export const useGenerate = () =>
  usePayoutMutation((body: { kind: string; placeId: string; period: string }) =>
    apiPost<{ created: number; extended: number; lines: number; skipped: number }>('/api/payouts/generate', body),
  );
