import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  billingSummary,
  CreateFeeItemBody,
  GenerateBody,
  generateBills,
  getBill,
  listBills,
  listFeeItems,
  listVacancies,
  myBill,
  myBills,
  roomPayers,
  UpdateFeeItemBody,
} from '#server/modules/fees/contract.ts';
import { apiGet, apiPatch, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The bills part's API as the web uses it; answer types come from the server's use cases (type-only). */
export type FeeItems = Jsonify<Awaited<ReturnType<typeof listFeeItems>>>;
export type FeeItem = FeeItems['items'][number];
export type BillRow = Jsonify<Awaited<ReturnType<typeof listBills>>>['items'][number];
export type Bill = Jsonify<Awaited<ReturnType<typeof getBill>>>;
export type BillingSummary = Jsonify<Awaited<ReturnType<typeof billingSummary>>>;
export type VacancyRow = Jsonify<Awaited<ReturnType<typeof listVacancies>>>['items'][number];
export type Generated = Jsonify<Awaited<ReturnType<typeof generateBills>>>;
export type MyBills = Jsonify<Awaited<ReturnType<typeof myBills>>>;
export type MyBill = Jsonify<Awaited<ReturnType<typeof myBill>>>;
export type RoomPayers = Jsonify<Awaited<ReturnType<typeof roomPayers>>>;

/** Fen as yuan with two decimals ("210.33"). */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

const keys = {
  all: ['fees'] as const,
  items: (compoundId: string) => ['fees', 'items', compoundId] as const,
  bills: (q: Query) => ['fees', 'bills', q] as const,
  bill: (id: string) => ['fees', 'bill', id] as const,
  summary: (compoundId: string) => ['fees', 'summary', compoundId] as const,
  vacancies: (q: Query) => ['fees', 'vacancies', q] as const,
  mine: ['fees', 'mine'] as const,
  myBill: (id: string) => ['fees', 'mine', id] as const,
  payers: (roomId: string) => ['fees', 'payers', roomId] as const,
};

export const useFeeItems = (compoundId: string | undefined) =>
  useQuery({ queryKey: keys.items(compoundId ?? ''), queryFn: () => apiGet<FeeItems>('/api/fees/items', { compoundId, includeInactive: 'true' }), enabled: !!compoundId });
export const useBills = (q: Query) => useQuery({ queryKey: keys.bills(q), queryFn: () => apiGet<Page<BillRow>>('/api/fees/bills', q), placeholderData: keepPreviousData });
export const useBill = (id: string) => useQuery({ queryKey: keys.bill(id), queryFn: () => apiGet<Bill>(`/api/fees/bills/${id}`) });
export const useBillingSummary = (compoundId: string | undefined) =>
  useQuery({ queryKey: keys.summary(compoundId ?? ''), queryFn: () => apiGet<BillingSummary>('/api/fees/bills/summary', { compoundId }), enabled: !!compoundId });
export const useVacancies = (q: Query & { compoundId?: string }) =>
  useQuery({ queryKey: keys.vacancies(q), queryFn: () => apiGet<Page<VacancyRow>>('/api/fees/vacancies', q), enabled: !!q.compoundId, placeholderData: keepPreviousData });
export const useMyBills = () => useQuery({ queryKey: keys.mine, queryFn: () => apiGet<MyBills>('/api/me/fees/bills') });
export const useMyBill = (id: string) => useQuery({ queryKey: keys.myBill(id), queryFn: () => apiGet<MyBill>(`/api/me/fees/bills/${id}`) });
export const useRoomPayers = (roomId: string) => useQuery({ queryKey: keys.payers(roomId), queryFn: () => apiGet<RoomPayers>(`/api/me/fees/rooms/${roomId}/payers`) });

function useFeesMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}
export const useCreateFeeItem = () => useFeesMutation((v: CreateFeeItemBody) => apiPost<{ id: string }>('/api/fees/items', v));
export const useUpdateFeeItem = () => useFeesMutation(({ id, ...v }: UpdateFeeItemBody & { id: string }) => apiPatch<{ id: string }>(`/api/fees/items/${id}`, v));
export const useRequestPrice = () =>
  useFeesMutation(({ id, ...v }: { id: string; unitYuan: string; effectiveFrom: string; basisKind: string; basisRef: string; note?: string }) => apiPost(`/api/fees/items/${id}/prices`, v));
export const useGenerateBills = () => useFeesMutation((v: GenerateBody) => apiPost<Generated>('/api/fees/bills/generate', v));
export const useRequestAdjustment = (billId: string) =>
  useFeesMutation((v: { kind: 'adjust'; deltaYuan: string; reason: string } | { kind: 'write_off'; reason: string }) => apiPost(`/api/fees/bills/${billId}/adjustments`, v));
export const useRegisterVacancy = () => useFeesMutation((v: { roomId: string; startsOn: string; endsOn?: string; note?: string }) => apiPost('/api/fees/vacancies', v));
export const useEndVacancy = () => useFeesMutation(({ id, endsOn }: { id: string; endsOn: string }) => apiPost(`/api/fees/vacancies/${id}/end`, { endsOn }));
export const useAuthoriseTenant = () => useFeesMutation((v: { roomId: string; personId: string }) => apiPost<{ id: string }>('/api/me/fees/tenant-payers', v));
export const useRevokeTenant = () => useFeesMutation((id: string) => apiPost(`/api/me/fees/tenant-payers/${id}/revoke`));

/** Downloads the bills the list shows (its filters) as xlsx, made on the server. */
export async function downloadBillsXlsx(q: Query, fileName: string): Promise<void> {
  const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)]));
  const res = await fetch(`/api/fees/bills/export.xlsx?${params}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status}`);
  const { saveBlob } = await import('../../../shared/download.ts');
  saveBlob(await res.blob(), fileName);
}
