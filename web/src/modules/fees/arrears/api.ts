import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  getArrearsBands,
  getArrearsCase,
  getCollectionRates,
  getMyReceipt,
  getReceipt,
  getReminderBatch,
  InvoiceBody,
  InvoiceIssueBody,
  listArrearsCases,
  listArrearsRooms,
  listInvoices,
  listMyReceipts,
  listReceipts,
  listReminderBatches,
  OpenCaseBody,
  ReminderBody,
} from '#server/modules/fees/contract.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The arrears part's API (receipts, invoices, arrears, reminders, cases, collection rates). */
export type ReceiptRow = Jsonify<Awaited<ReturnType<typeof listReceipts>>>['items'][number];
export type Receipt = Jsonify<Awaited<ReturnType<typeof getReceipt>>>;
export type MyReceiptRow = Jsonify<Awaited<ReturnType<typeof listMyReceipts>>>['items'][number];
export type MyReceipt = Jsonify<Awaited<ReturnType<typeof getMyReceipt>>>;
export type InvoiceRow = Jsonify<Awaited<ReturnType<typeof listInvoices>>>['items'][number];
export type Bands = Jsonify<Awaited<ReturnType<typeof getArrearsBands>>>;
export type ArrearsRoomRow = Jsonify<Awaited<ReturnType<typeof listArrearsRooms>>>['items'][number];
export type BatchRow = Jsonify<Awaited<ReturnType<typeof listReminderBatches>>>['items'][number];
export type Batch = Jsonify<Awaited<ReturnType<typeof getReminderBatch>>>;
export type CaseRow = Jsonify<Awaited<ReturnType<typeof listArrearsCases>>>['items'][number];
export type ArrearsCase = Jsonify<Awaited<ReturnType<typeof getArrearsCase>>>;
export type CollectionRates = Jsonify<Awaited<ReturnType<typeof getCollectionRates>>>;

const K = ['feesArrears'] as const;
const list = <T,>(name: string, path: string, q: Query) => ({ queryKey: [...K, name, q], queryFn: () => apiGet<Page<T>>(path, q), placeholderData: keepPreviousData });

export const useReceipts = (q: Query) => useQuery(list<ReceiptRow>('receipts', '/api/fees/receipts', q));
export const useReceipt = (id: string | null) => useQuery({ queryKey: [...K, 'receipt', id], queryFn: () => apiGet<Receipt>(`/api/fees/receipts/${id}`), enabled: !!id });
export const useInvoices = (q: Query) => useQuery(list<InvoiceRow>('invoices', '/api/fees/invoices', q));
export const useBands = (placeId: string | undefined) => useQuery({ queryKey: [...K, 'bands', placeId], queryFn: () => apiGet<Bands>('/api/fees/arrears/bands', { placeId }) });
export const useArrearsRooms = (q: Query) => useQuery(list<ArrearsRoomRow>('rooms', '/api/fees/arrears/rooms', q));
export const useBatches = (q: Query) => useQuery(list<BatchRow>('batches', '/api/fees/arrears/reminders', q));
export const useBatch = (id: string) => useQuery({ queryKey: [...K, 'batch', id], queryFn: () => apiGet<Batch>(`/api/fees/arrears/reminders/${id}`) });
export const useCases = (q: Query) => useQuery(list<CaseRow>('cases', '/api/fees/arrears/cases', q));
export const useCase = (id: string | null) => useQuery({ queryKey: [...K, 'case', id], queryFn: () => apiGet<ArrearsCase>(`/api/fees/arrears/cases/${id}`), enabled: !!id });
export const useCollection = (q: { placeId?: string | undefined; from: string; to: string }) =>
  useQuery({ queryKey: [...K, 'collection', q], queryFn: () => apiGet<CollectionRates>('/api/fees/collection', q), placeholderData: keepPreviousData });
export const useMyReceipts = (q: Query) => useQuery(list<MyReceiptRow>('mine', '/api/me/fees/receipts', q));
export const useMyReceipt = (id: string) => useQuery({ queryKey: [...K, 'mine', id], queryFn: () => apiGet<MyReceipt>(`/api/me/fees/receipts/${id}`) });

function useArrearsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useVoidReceipt = () => useArrearsMutation((v: { id: string; reason: string }) => apiPost<{ approvalId: string }>(`/api/fees/receipts/${v.id}/void`, { reason: v.reason }));
export const useRequestInvoice = (mine: boolean) =>
  useArrearsMutation((v: InvoiceBody & { receiptId: string }) => {
    const { receiptId, ...body } = v;
    return apiPost<{ id: string }>(`/api/${mine ? 'me/' : ''}fees/receipts/${receiptId}/invoice`, body);
  });
export const useIssueInvoice = () => useArrearsMutation((v: InvoiceIssueBody & { id: string }) => apiPost(`/api/fees/invoices/${v.id}/issue`, { invoiceNo: v.invoiceNo, invoiceDate: v.invoiceDate }));
export const useRejectInvoice = () => useArrearsMutation((v: { id: string; reason: string }) => apiPost(`/api/fees/invoices/${v.id}/reject`, { reason: v.reason }));
export const useSendReminders = () => useArrearsMutation((v: ReminderBody) => apiPost<{ id: string; rooms: number; recipients: number }>('/api/fees/arrears/reminders', v));
export const useOpenCase = () => useArrearsMutation((v: OpenCaseBody) => apiPost<{ id: string }>('/api/fees/arrears/cases', v));
export const useMoveCase = () =>
  useArrearsMutation((v: { id: string; to: 'visit' | 'mediation' | 'close' | 'notes'; note?: string }) => apiPost(`/api/fees/arrears/cases/${v.id}/${v.to}`, { note: v.note }));

/** A file from one of the part's GET routes (xlsx, PDF), saved under a name. */
export { downloadFrom as download } from '../../../shared/download.ts';

export { yuan } from '../money.ts';
