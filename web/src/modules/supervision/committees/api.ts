import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommitteeDimension,
  CommitteeOfYear,
  CommitteeRatingRow,
  CommitteeRatingView,
  CommitteeSettingsBody,
  getCommittee,
  getCommitteeSettings,
  ScoreBody,
  StartRatingBody,
} from '#server/modules/supervision/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The committees part's API (红色业委会): answer types come from the server's use cases (type-only). */
export type Rating = Jsonify<CommitteeRatingView>;
export type RankingRow = Jsonify<CommitteeRatingRow>;
export type CommitteeRow = Jsonify<CommitteeOfYear>;
export type Committee = Jsonify<Awaited<ReturnType<typeof getCommittee>>>;
export type CommitteeSettings = Jsonify<Awaited<ReturnType<typeof getCommitteeSettings>>>;

const K = ['supervisionCommittees'] as const;
const T = '/api/supervision/committees';

export const useCommittees = (q: { placeId?: string | undefined; period: string }) =>
  useQuery({ queryKey: [...K, 'committees', q], queryFn: () => apiGet<CommitteeRow[]>(T, q), placeholderData: keepPreviousData });
export const useRanking = (q: Query) => useQuery({ queryKey: [...K, 'ranking', q], queryFn: () => apiGet<Page<RankingRow>>(`${T}/ratings`, q), placeholderData: keepPreviousData });
export const useRating = (id: string) => useQuery({ queryKey: [...K, 'rating', id], queryFn: () => apiGet<Rating>(`${T}/ratings/${id}`) });
export const useCommittee = (id: string) => useQuery({ queryKey: [...K, 'committee', id], queryFn: () => apiGet<Committee>(`${T}/${id}`) });
export const useCommitteeSettings = (streetId: string | undefined) =>
  useQuery({ queryKey: [...K, 'settings', streetId], queryFn: () => apiGet<CommitteeSettings>(`${T}/settings`, { streetId }), enabled: !!streetId });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useStartRating = () => useWrite((b: StartRatingBody) => apiPost<Rating>(`${T}/ratings`, b));
export const useSaveScore = (id: string) => useWrite(({ dimension, ...b }: ScoreBody & { dimension: CommitteeDimension }) => apiPut<Rating>(`${T}/ratings/${id}/scores/${dimension}`, b));
export const useUploadEvidence = (id: string) =>
  useWrite(({ dimension, file }: { dimension: CommitteeDimension; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<Rating>(`${T}/ratings/${id}/scores/${dimension}/files`, form);
  });
export const useRemoveEvidence = (id: string) => useWrite((fileId: string) => apiDelete<Rating>(`${T}/ratings/${id}/files/${fileId}`, undefined));
export const useSubmitRating = (id: string) => useWrite(() => apiPost<Rating>(`${T}/ratings/${id}/submit`));
export const useSaveCommitteeSettings = () => useWrite((b: CommitteeSettingsBody) => apiPatch<CommitteeSettings>(`${T}/settings`, b));

export const evidenceUrl = (ratingId: string, fileId: string) => `${T}/ratings/${ratingId}/files/${fileId}`;
export { downloadFrom as download } from '../../../shared/download.ts';
