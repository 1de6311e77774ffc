import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { listRatings, myRatings, RateBody, ratingSummary } from '#server/modules/fees/contract.ts';
import { HOME_KEY } from '../../../resident/home.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The ratings part's API (the owner's right to rate): answer types come from the server's use cases (type-only). */
export type MyRatings = Jsonify<Awaited<ReturnType<typeof myRatings>>>;
export type MyCompound = MyRatings['compounds'][number];
export type MyMonth = MyCompound['months'][number];
export type RatingRow = Jsonify<Awaited<ReturnType<typeof listRatings>>>['items'][number];
export type RatingSummary = Jsonify<Awaited<ReturnType<typeof ratingSummary>>>;

const K = ['feesRatings'] as const;

export const useMyRatings = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<MyRatings>('/api/me/fees/ratings') });
export const useRatings = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<RatingRow>>('/api/fees/ratings', q), placeholderData: keepPreviousData });
export const useRatingSummary = (q: { placeId?: string | undefined; from: string; to: string }) =>
  useQuery({ queryKey: [...K, 'summary', q], queryFn: () => apiGet<RatingSummary>('/api/fees/ratings/summary', q), placeholderData: keepPreviousData });

export function useSubmitRating() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RateBody) => apiPost<{ id: string }>('/api/me/fees/ratings', body),
    // The home's 评价物业 count changes too.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: K }), client.invalidateQueries({ queryKey: HOME_KEY })]),
  });
}

/** A file from one of the part's GET routes (xlsx, PDF), saved under a name. */
export { downloadFrom as download } from '../../../shared/download.ts';

export { yuan } from '../money.ts';
