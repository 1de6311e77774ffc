import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LETTER_KINDS, LETTER_STATUSES } from '#server/modules/party/contract.ts';
import { apiGet, apiPost, type Page, type Query } from '../../../shared/api.ts';

/**
 * The letters part's API. The answers' shapes are written out here (the server's use cases letters-list.ts and
 * letters-get.ts); the party contract only carries the vocabulary.
 */
export type LetterKind = (typeof LETTER_KINDS)[number];
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export interface LetterRow {
  id: string;
  kind: LetterKind;
  communityId: string;
  communityName: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  memberName: string | null;
  subject: string;
  status: LetterStatus;
  createdAt: string;
  sentAt: string | null;
}
export interface LetterLine {
  memberId: string;
  name: string;
  minutes: number;
  hours: string;
  points: number;
  posts: string[];
}
export interface Letter {
  id: string;
  kind: LetterKind;
  status: LetterStatus;
  communityId: string;
  communityName: string;
  communityPartyOrg: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  memberId: string | null;
  memberName: string | null;
  subject: string;
  facts: string | null;
  lines: LetterLine[];
  totals: { members: number; minutes: number; hours: string; points: number } | null;
  createdAt: string;
  sentAt: string | null;
  timeline: { at: string; event: 'created' | 'approval_requested' | 'approved' | 'rejected' | 'sent'; by: string | null; note: string | null }[];
  can: { send: boolean; requestApproval: boolean };
}
export interface LetterOptions {
  communities: { id: string; name: string; streetId: string }[];
  organisations: { id: string; name: string; streetId: string }[];
}

const K = ['partyLetters'] as const;
export const base = '/api/party/letters';

export const useLetters = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<LetterRow>>(base, q), placeholderData: keepPreviousData });
export const useLetter = (id: string) => useQuery({ queryKey: [...K, 'letter', id], queryFn: () => apiGet<Letter>(`${base}/${id}`) });
export const useLetterOptions = (enabled: boolean) => useQuery({ queryKey: [...K, 'options'], queryFn: () => apiGet<LetterOptions>(`${base}/options`), enabled });
export const useLetterMembers = (organisationId: string | undefined) =>
  useQuery({
    queryKey: [...K, 'members', organisationId],
    queryFn: () => apiGet<{ items: { id: string; name: string }[] }>(`${base}/members`, { organisationId }),
    enabled: !!organisationId,
  });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useCreateAnnual = () => useWrite((b: { communityId: string; organisationId: string; year: number }) => apiPost<{ id: string }>(`${base}/annual`, b));
export const useDraftAdmonition = () =>
  useWrite((b: { communityId: string; organisationId: string; memberId: string; subject: string; facts: string }) => apiPost<{ id: string }>(`${base}/admonitions`, b));
export const useSendLetter = (id: string) => useWrite(() => apiPost<unknown>(`${base}/${id}/send`));
export const useRequestApproval = (id: string) => useWrite(() => apiPost<unknown>(`${base}/${id}/approval`));

export { downloadFrom as download } from '../../../shared/download.ts';
