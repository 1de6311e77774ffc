import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Catalogue, LendingItemView, LoanListRow, MyLending } from '#server/modules/volunteers/contract.ts';
import { apiGet, apiPost, type Page, type Query } from '../../../shared/api.ts';

/** The lending part's API (工具图书). The answers' shapes are the server's (contract.ts), dates as JSON strings. */
type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
export type CatalogueJson = Json<Catalogue>;
export type ItemJson = Json<LendingItemView>;
export type MyLendingJson = Json<MyLending>;
export type LoanJson = ItemJson['requests'][number];
export type LoanRowJson = Json<LoanListRow>;

const K = ['volLending'] as const;
const ME = '/api/me/volunteers/lending';
export const LOANS = '/api/volunteers/lending/loans';

export const useCatalogue = (q: Query) => useQuery({ queryKey: [...K, 'catalogue', q], queryFn: () => apiGet<CatalogueJson>(ME, q), placeholderData: keepPreviousData });
export const useItem = (id: string) => useQuery({ queryKey: [...K, 'item', id], queryFn: () => apiGet<ItemJson>(`${ME}/${id}`) });
export const useMyLending = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<MyLendingJson>(`${ME}/mine`) });
export const useLoans = (q: Query) => useQuery({ queryKey: [...K, 'loans', q], queryFn: () => apiGet<Page<LoanRowJson>>(LOANS, q), placeholderData: keepPreviousData });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useRequestLoan = (id: string) => useWrite((note: string) => apiPost<{ id: string; status: 'requested' }>(`${ME}/${id}/requests`, { note }));
/** The owner's and the borrower's steps on a loan. */
export const useLoanStep = () =>
  useWrite(({ id, step, reason }: { id: string; step: 'lend' | 'decline' | 'cancel' | 'return'; reason?: string }) =>
    apiPost<{ id: string; status: string }>(`${ME}/loans/${id}/${step}`, step === 'decline' ? (reason ? { reason } : {}) : undefined),
  );
/** Posting a tool or book on the neighbour board (the boards part's route). */
export const usePostItem = () =>
  useWrite((b: { compoundId: string; kind: 'tool' | 'book'; title: string; author?: string; loanDays: number; body: string }) => apiPost<{ id: string }>('/api/volunteers/boards/listings', b));

export { downloadFrom as download } from '../../../shared/download.ts';
