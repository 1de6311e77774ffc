import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BannedWordRow, BoardRow, ListingView, ModerationRow } from '#server/modules/volunteers/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The boards part's API (邻里互助 and its moderation). The answers' shapes, as JSON (use-cases/boards-*.ts, moderation-*.ts). */
export type Board = Jsonify<BoardRow>;
export type Listing = Jsonify<ListingView>;
export type Moderation = Jsonify<ModerationRow>;
export type BannedWord = Jsonify<BannedWordRow>;

const K = ['volBoards'] as const;
const B = '/api/volunteers/boards';
const M = '/api/volunteers/moderation';

export const useBoardCompounds = () => useQuery({ queryKey: [...K, 'compounds'], queryFn: () => apiGet<{ id: string; name: string }[]>(`${B}/compounds`) });
export const useBoard = (q: Query, enabled = true) =>
  useQuery({ queryKey: [...K, 'board', q], queryFn: () => apiGet<Page<Board>>(`${B}/listings`, q), placeholderData: keepPreviousData, enabled });
export const useListing = (id: string) => useQuery({ queryKey: [...K, 'one', id], queryFn: () => apiGet<Listing>(`${B}/listings/${id}`) });
export const useModeration = (q: Query) => useQuery({ queryKey: [...K, 'queue', q], queryFn: () => apiGet<Page<Moderation>>(M, q), placeholderData: keepPreviousData });
export const useBannedWords = (q: Query) =>
  useQuery({ queryKey: [...K, 'words', q], queryFn: () => apiGet<Page<BannedWord> & { streetName: string }>(`${M}/banned-words`, q), placeholderData: keepPreviousData });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}

/** A form with the listing's fields as text and its photos (the server coerces numbers and dates). */
export function listingForm(fields: Record<string, string | number | undefined>, photos: File[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, String(v));
  for (const p of photos) form.append('photos', p, p.name);
  return form;
}
export const usePost = () => useWrite((form: FormData) => apiUpload<{ id: string }>(`${B}/listings`, form));
export const useClose = (id: string) => useWrite(() => apiPost<{ id: string }>(`${B}/listings/${id}/close`));
export const useGiven = (id: string) => useWrite(() => apiPost<{ id: string }>(`${B}/listings/${id}/given`));
export const useAsk = (id: string) => useWrite((b: { seats?: number; message: string }) => apiPost<{ id: string }>(`${B}/listings/${id}/requests`, b));
export const useReport = (id: string) => useWrite((reason: string) => apiPost<{ id: string }>(`${B}/listings/${id}/report`, { reason }));
export const useDecide = () => useWrite(({ requestId, verb }: { requestId: string; verb: 'accept' | 'decline' | 'withdraw' }) => apiPost<{ id: string }>(`${B}/requests/${requestId}/${verb}`));
export const useHide = () => useWrite(({ id, reason }: { id: string; reason: string }) => apiPost<{ id: string }>(`${M}/listings/${id}/hide`, { reason }));
export const useUnhide = () => useWrite((id: string) => apiPost<{ id: string }>(`${M}/listings/${id}/unhide`));
export const useDismiss = () => useWrite((reportId: string) => apiPost<{ id: string }>(`${M}/reports/${reportId}/dismiss`));
export const useAddWord = () => useWrite((b: { word: string; placeId?: string }) => apiPost<BannedWord>(`${M}/banned-words`, b));
export const useRemoveWord = () => useWrite((id: string) => apiPost<{ id: string }>(`${M}/banned-words/${id}/remove`));

export { downloadFrom as download } from '../../../shared/download.ts';
