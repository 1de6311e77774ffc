import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { getSubsidyPolicy, listMySubsidies, listSubsidyLines, SubsidyPolicyBody } from '#server/modules/fees/contract.ts';
import { apiGet, apiPost, type Jsonify, type Query } from '../../../shared/api.ts';

/** The subsidies part's API (先缴后补): the street's policy, the subsidy lines, my subsidies. */
export type SubsidyPolicy = Jsonify<Awaited<ReturnType<typeof getSubsidyPolicy>>>;
export type SubsidyLinesPage = Jsonify<Awaited<ReturnType<typeof listSubsidyLines>>>;
export type SubsidyLineRow = SubsidyLinesPage['items'][number];
export type MySubsidies = Jsonify<Awaited<ReturnType<typeof listMySubsidies>>>;
export type MySubsidyRow = MySubsidies['items'][number];

const K = ['feesSubsidies'] as const;

export const useSubsidyPolicy = (placeId: string | undefined) =>
  useQuery({ queryKey: [...K, 'policy', placeId], queryFn: () => apiGet<SubsidyPolicy>('/api/fees/subsidies/policy', { placeId }), enabled: !!placeId });
export const useSubsidyLines = (q: Query) =>
  useQuery({ queryKey: [...K, 'lines', q], queryFn: () => apiGet<SubsidyLinesPage>('/api/fees/subsidies/lines', q), placeholderData: keepPreviousData });
export const useMySubsidies = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<MySubsidies>('/api/me/fees/subsidies', { page: 1, pageSize: 100 }) });

export function useSetSubsidyPolicy() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (v: SubsidyPolicyBody) => apiPost<{ id: string }>('/api/fees/subsidies/policy', v), onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}

export { yuan } from '../money.ts';
