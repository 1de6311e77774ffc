import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  commitFundStatement,
  fundDecisionChoices,
  getFundImport,
  getFundPublication,
  getFundSummary,
  listFundEntries,
  listFundImports,
  listFundPublications,
  myFund,
  myFundPublication,
  PublishFundBody,
  publishFundQuarter,
  uploadFundStatement,
} from '#server/modules/fees/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The fund part's API (专项维修资金: statements, uses and their basis, publications). */
export type FundSummary = Jsonify<Awaited<ReturnType<typeof getFundSummary>>>;
export type FundUse = FundSummary['uses'][number];
export type FundEntryRow = Jsonify<Awaited<ReturnType<typeof listFundEntries>>>['items'][number];
export type FundImport = Jsonify<Awaited<ReturnType<typeof getFundImport>>>;
export type FundImportRow = Jsonify<Awaited<ReturnType<typeof listFundImports>>>['items'][number];
export type FundChecked = Jsonify<Awaited<ReturnType<typeof uploadFundStatement>>>;
export type FundCommitted = Jsonify<Awaited<ReturnType<typeof commitFundStatement>>>;
export type FundPublicationRow = Jsonify<Awaited<ReturnType<typeof listFundPublications>>>['items'][number];
export type FundPublication = Jsonify<Awaited<ReturnType<typeof getFundPublication>>>;
export type FundDecision = Jsonify<Awaited<ReturnType<typeof fundDecisionChoices>>>['items'][number];
export type MyFund = Jsonify<Awaited<ReturnType<typeof myFund>>>;
export type MyFundPublication = Jsonify<Awaited<ReturnType<typeof myFundPublication>>>;

const K = ['feesFund'] as const;
const list = <T,>(name: string, path: string, q: Query) => ({ queryKey: [...K, name, q], queryFn: () => apiGet<Page<T>>(path, q), placeholderData: keepPreviousData });

export const useFundSummary = (placeId: string | undefined) =>
  useQuery({ queryKey: [...K, 'summary', placeId], queryFn: () => apiGet<FundSummary>('/api/fees/fund/summary', { placeId }), enabled: !!placeId });
export const useFundDecisions = (placeId: string | undefined, enabled: boolean) =>
  useQuery({ queryKey: [...K, 'decisions', placeId], queryFn: () => apiGet<{ items: FundDecision[] }>('/api/fees/fund/decisions', { placeId }), enabled: !!placeId && enabled });
export const useFundEntries = (q: Query) => useQuery(list<FundEntryRow>('entries', '/api/fees/fund/entries', q));
export const useFundImports = (q: Query) => useQuery(list<FundImportRow>('imports', '/api/fees/fund/imports', q));
export const useFundPublications = (q: Query) => useQuery(list<FundPublicationRow>('publications', '/api/fees/fund/publications', q));
export const useFundPublication = (id: string | null) =>
  useQuery({ queryKey: [...K, 'publication', id], queryFn: () => apiGet<FundPublication>(`/api/fees/fund/publications/${id}`), enabled: !!id });
export const useMyFund = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<MyFund>('/api/me/fees/fund') });
export const useMyFundPublication = (id: string) => useQuery({ queryKey: [...K, 'mine', id], queryFn: () => apiGet<MyFundPublication>(`/api/me/fees/fund/publications/${id}`) });

function useFundMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useUploadStatement = () =>
  useFundMutation((v: { placeId: string; file: File }) => {
    const form = new FormData();
    form.append('placeId', v.placeId);
    form.append('file', v.file);
    return apiUpload<FundChecked>('/api/fees/fund/imports', form);
  });
export const useCommitStatement = () => useFundMutation((id: string) => apiPost<FundCommitted>(`/api/fees/fund/imports/${id}/commit`));
export interface BasisForm {
  kind: 'decision' | 'emergency';
  decisionId?: string;
  what?: string;
  day?: string;
  certifiedBy?: string;
  reason?: string;
  document?: File | null;
}
export const useLinkUse = () =>
  useFundMutation((v: BasisForm & { entryId: string }) => {
    const form = new FormData();
    for (const k of ['kind', 'decisionId', 'what', 'day', 'certifiedBy', 'reason'] as const) {
      const value = v[k]?.trim();
      if (value) form.append(k, value);
    }
    if (v.document) form.append('document', v.document);
    return apiUpload<{ entryId: string }>(`/api/fees/fund/entries/${v.entryId}/basis`, form);
  });
export const usePublishQuarter = () => useFundMutation((v: PublishFundBody) => apiPost<Jsonify<Awaited<ReturnType<typeof publishFundQuarter>>>>('/api/fees/fund/publications', v));

/** A file from one of the part's GET routes (xlsx, PDF), saved under a name. */
export { downloadFrom as download } from '../../../shared/download.ts';

export { yuan } from '../money.ts';

/** The quarter before today's (Shanghai): the one a publication is usually for. */
export function lastQuarter(today: string): string {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const q = Math.ceil(m / 3);
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}
