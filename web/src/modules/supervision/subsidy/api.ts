import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { listSubsidyCandidates, SubsidyCompoundRow, SubsidyListingBody, SubsidyPolicy, SubsidyPolicyBody, SubsidyQuarter } from '#server/modules/supervision/contract.ts';
import { apiDelete, apiGet, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The subsidy part's API (达标补贴): answer types come from the server's use cases (type-only). */
export type Quarter = Jsonify<SubsidyQuarter>;
export type QuarterRow = Quarter['items'][number];
export type ListedRow = Jsonify<SubsidyCompoundRow>;
export type Policy = Jsonify<SubsidyPolicy>;
export type Candidate = Jsonify<Awaited<ReturnType<typeof listSubsidyCandidates>>>[number];

const K = ['supervisionSubsidy'] as const;
const T = '/api/supervision/subsidy';

export const useQuarter = (q: Query) => useQuery({ queryKey: [...K, 'quarter', q], queryFn: () => apiGet<Quarter>(`${T}/quarter`, q), placeholderData: keepPreviousData });
export const useListed = (q: Query) => useQuery({ queryKey: [...K, 'listed', q], queryFn: () => apiGet<Page<ListedRow>>(`${T}/compounds`, q), placeholderData: keepPreviousData });
export const usePolicies = (streetId: string | undefined) =>
  useQuery({ queryKey: [...K, 'policies', streetId], queryFn: () => apiGet<{ streetId: string; streetName: string; versions: Policy[] }>(`${T}/policies`, { streetId }), enabled: !!streetId });
export const useCandidates = (streetId: string | undefined, enabled: boolean) =>
  useQuery({ queryKey: [...K, 'candidates', streetId], queryFn: () => apiGet<Candidate[]>(`${T}/candidates`, { streetId }), enabled: !!streetId && enabled });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useListCompound = () => useWrite((b: SubsidyListingBody) => apiPost<unknown>(`${T}/compounds`, b));
export const useUnlistCompound = () => useWrite((compoundId: string) => apiDelete<unknown>(`${T}/compounds/${compoundId}`, undefined));
export const useSetPolicy = () => useWrite((b: SubsidyPolicyBody) => apiPost<unknown>(`${T}/policies`, b));

export { downloadFrom as download } from '../../../shared/download.ts';
