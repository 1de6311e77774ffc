import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { getMyDecision, listRoll, myDecisions } from '#server/modules/decisions/contract.ts';
import type { Choice } from '#server/modules/decisions/contract.ts';
import { HOME_KEY } from '../../../resident/home.ts';
import { apiGet, apiPost, type Jsonify, type Query } from '../../../shared/api.ts';

/**
 * The owner's side of decisions as the H5 uses it (GET/POST /api/me/decisions…). Answer types come from the
 * server's use cases (type-only imports), so a change there shows up here at compile time.
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type MyDecisionRow = Answer<typeof myDecisions>['items'][number];
export type MyDecision = Answer<typeof getMyDecision>;
export type MyEntry = MyDecision['entries'][number];
export type MyBallot = MyDecision['ballots'][number];
export type RollPage = Answer<typeof listRoll>;
export type DecisionStatus = MyDecision['status'];
export type { Choice };
/** The home's slice (server: decisions/use-cases/my-decisions.ts, decisionsHome). */
export interface WaitingDecision {
  id: string;
  title: string;
  closesAt: string | null;
  placeLabel: string;
}
/** What POST …/ballot-code answers (activation's issueOtp). */
export interface CodeSent {
  otpId: string;
  resendAfterSeconds: number;
  expiresInSeconds: number;
}

export const myDecisionKeys = {
  all: ['decisions', 'me'] as const,
  list: () => ['decisions', 'me', 'list'] as const,
  waiting: () => ['decisions', 'me', 'waiting'] as const,
  one: (id: string) => ['decisions', 'me', 'one', id] as const,
  roll: (id: string, q: Query) => ['decisions', 'me', 'roll', id, q] as const,
};

export const useMyDecisions = () => useQuery({ queryKey: myDecisionKeys.list(), queryFn: () => apiGet<Answer<typeof myDecisions>>('/api/me/decisions') });

/** The home section's query: answered by GET /api/me/home (primeFromHome); on its own it reads the list. */
export const useWaitingDecisions = () =>
  useQuery({
    queryKey: myDecisionKeys.waiting(),
    queryFn: async (): Promise<WaitingDecision[]> => {
      const { items } = await apiGet<Answer<typeof myDecisions>>('/api/me/decisions');
      return items
        .filter((d) => d.ballotWaiting)
        .sort((a, b) => (a.closesAt ?? '').localeCompare(b.closesAt ?? ''))
        .map((d) => ({ id: d.id, title: d.title, closesAt: d.closesAt, placeLabel: d.placeLabel }));
    },
  });

export const useMyDecision = (id: string) => useQuery({ queryKey: myDecisionKeys.one(id), queryFn: () => apiGet<MyDecision>(`/api/me/decisions/${id}`), retry: false });

export const useMyRoll = (id: string, q: Query) =>
  useQuery({ queryKey: myDecisionKeys.roll(id, q), queryFn: () => apiGet<RollPage>(`/api/me/decisions/${id}/roll`, q), placeholderData: keepPreviousData });

/** Delivery (送达): the first time the owner opens the materials. */
export const recordOpened = (id: string) => apiPost<{ recorded: number }>(`/api/me/decisions/${id}/opened`);

export const sendBallotCode = (id: string) => apiPost<CodeSent>(`/api/me/decisions/${id}/ballot-code`);

export interface BallotInput {
  entryId: string;
  choices: Record<string, Choice>;
  code: string;
  requestKey: string;
}

/** Every owner write changes the decision as I see it, my list and the home: refresh them all. */
function useOwnerMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: myDecisionKeys.all });
      void client.invalidateQueries({ queryKey: HOME_KEY });
    },
  });
}

export const useCastBallot = (id: string) =>
  useOwnerMutation((input: BallotInput) => apiPost<{ id: string; entryId: string; status: string; castAt: string }>(`/api/me/decisions/${id}/ballot`, input));
export const useFileObjection = (id: string) => useOwnerMutation((text: string) => apiPost<{ id: string }>(`/api/me/decisions/${id}/objections`, { text }));
export const useRequestInspection = (id: string) =>
  useOwnerMutation((reason: string) => apiPost<{ id: string }>(`/api/me/decisions/${id}/inspections`, { reason }));

/** A key for one attempt at casting a ballot: the server answers a retry with the same key with the ballot it recorded. */
export const newRequestKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID().replaceAll('-', '')
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
