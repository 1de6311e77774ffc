import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_MAX_BYTES, FILING_OFFICES, type FilingOffice } from '#server/modules/decisions/contract.ts';
import type { decisionFilings, getFiling, listFilings } from '#server/modules/decisions/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Query } from '../../../shared/api.ts';
import type { Me } from '../../../shared/session.ts';
import { decisionKeys } from '../api.ts';

/**
 * Filing (备案) as the workbench uses it. The answers' types are inferred from the server's use cases (type-only
 * imports), so a change there shows up here at compile time.
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
export type FilingRow = Answer<typeof listFilings>['items'][number];
export type DecisionFiling = Answer<typeof decisionFilings>['items'][number];
export type FilingEvent = DecisionFiling['events'][number];
export type FilingDetail = Answer<typeof getFiling>;
export type FilingStatus = FilingRow['status'];
export { FILING_OFFICES, type FilingOffice };

export const FILING_STATUSES: readonly FilingStatus[] = ['pending', 'submitted', 'returned', 'acknowledged'];
export const MINUTES_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const MINUTES_MAX_BYTES = EVIDENCE_MAX_BYTES;

/** The roles that submit or receive filings (a UI hint for the menu; the server decides). */
const FILING_ROLES = ['street_official', 'department_reviewer', 'owners_committee_member', 'platform_admin', 'community_secretary', 'committee_staff'];
export const mayFilings = (me: Me | null | undefined) => !!me?.grants.some((g) => FILING_ROLES.includes(g.role));

export const filingKeys = {
  all: ['filings'] as const,
  list: (q: Query) => ['filings', 'list', q] as const,
  one: (id: string) => ['filings', 'one', id] as const,
  ofDecision: (id: string) => [...decisionKeys.one(id), 'filings'] as const,
};

export const fetchFilings = (q: Query) => apiGet<Answer<typeof listFilings>>('/api/filings', q);
export const useFilings = (q: Query) => useQuery({ queryKey: filingKeys.list(q), queryFn: () => fetchFilings(q), placeholderData: keepPreviousData });
export const useFiling = (id: string | null) => useQuery({ queryKey: filingKeys.one(id ?? ''), queryFn: () => apiGet<FilingDetail>(`/api/filings/${id}`), enabled: !!id });
export const useDecisionFilings = (decisionId: string, enabled: boolean) =>
  useQuery({ queryKey: filingKeys.ofDecision(decisionId), queryFn: () => apiGet<Answer<typeof decisionFilings>>(`/api/decisions/${decisionId}/filings`), enabled });

export const packageUrl = (filingId: string) => `/api/filings/${filingId}/package.json`;
export const minutesUrl = (filingId: string) => `/api/filings/${filingId}/minutes`;

/** Every filing write changes the lists, the filing and its decision's card: refresh them all. */
function useFilingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: filingKeys.all }), client.invalidateQueries({ queryKey: decisionKeys.all })]),
  });
}
export const useSubmitFiling = () =>
  useFilingMutation(({ decisionId, filingId, note, minutes }: { decisionId: string; filingId: string; note: string; minutes: File }) => {
    const form = new FormData();
    if (note.trim()) form.append('note', note.trim());
    form.append('minutes', minutes, minutes.name);
    return apiUpload<{ id: string; version: number; packageHash: string }>(`/api/decisions/${decisionId}/filings/${filingId}/submit`, form);
  });
export const useAcknowledgeFiling = () => useFilingMutation(({ filingId, note }: { filingId: string; note?: string }) => apiPost(`/api/filings/${filingId}/acknowledge`, note ? { note } : {}));
export const useReturnFiling = () => useFilingMutation(({ filingId, reason }: { filingId: string; reason: string }) => apiPost(`/api/filings/${filingId}/return`, { reason }));
