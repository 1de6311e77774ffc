import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDecisionBody, CreateRulesBody, getDecision, listCanvass, listDecisions, listRoll, listRules, RulesSettings, Tally } from '#server/modules/decisions/contract.ts';
import { DECISIONS_ROLES } from '#server/modules/decisions/contract.ts';
import { apiGet, apiPost, type Jsonify, type Query } from '../../shared/api.ts';
import type { Me } from '../../shared/session.ts';

/**
 * The decisions API as the workbench uses it. Response types are inferred from the server's use cases
 * (type-only imports, erased from the bundle), so a change there shows up here at compile time.
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type DecisionRow = Answer<typeof listDecisions>['items'][number];
export type Decision = Answer<typeof getDecision>;
export type DecisionStatus = Decision['status'];
export type RollPage = Answer<typeof listRoll>;
export type RollRow = RollPage['items'][number];
export type RulesList = Answer<typeof listRules>;
export type RulesVersion = RulesList['items'][number];
export type { CreateDecisionBody, CreateRulesBody, RulesSettings, Tally };

export const STATUSES: readonly DecisionStatus[] = ['draft', 'roll_published', 'open', 'closed', 'published'];

/** Whether any of the account's grants carries a role with this permission (a UI hint; the server decides). */
export const mayDecisions = (me: Me | null | undefined, permission: keyof typeof DECISIONS_ROLES): boolean =>
  !!me?.grants.some((g) => (DECISIONS_ROLES[permission] as readonly string[]).includes(g.role));

export const decisionKeys = {
  all: ['decisions'] as const,
  list: (q: Query) => ['decisions', 'list', q] as const,
  one: (id: string) => ['decisions', 'one', id] as const,
  roll: (id: string, q: Query) => ['decisions', 'one', id, 'roll', q] as const,
  rules: (compoundId: string) => ['decisions', 'rules', compoundId] as const,
};

export const fetchDecisions = (q: Query) => apiGet<Answer<typeof listDecisions>>('/api/decisions', q);

export const useDecisions = (q: Query) => useQuery({ queryKey: decisionKeys.list(q), queryFn: () => fetchDecisions(q), placeholderData: keepPreviousData });
export const useDecision = (id: string) => useQuery({ queryKey: decisionKeys.one(id), queryFn: () => apiGet<Decision>(`/api/decisions/${id}`) });
export const useRoll = (id: string, q: Query, enabled: boolean) =>
  useQuery({ queryKey: decisionKeys.roll(id, q), queryFn: () => apiGet<RollPage>(`/api/decisions/${id}/roll`, q), placeholderData: keepPreviousData, enabled });
export const useRules = (compoundId: string | null) =>
  useQuery({ queryKey: decisionKeys.rules(compoundId ?? ''), queryFn: () => apiGet<RulesList>('/api/decisions/rules', { compoundId }), enabled: !!compoundId });

export type CanvassPage = Jsonify<Awaited<ReturnType<typeof listCanvass>>>;
/** 扫楼: who has not voted, by building, with the last visit; each building's progress. */
export const useCanvass = (id: string, q: Query, enabled: boolean) =>
  useQuery({ queryKey: [...decisionKeys.one(id), 'canvass', q], queryFn: () => apiGet<CanvassPage>(`/api/decisions/${id}/canvass`, q), placeholderData: keepPreviousData, enabled });
export const useRecordVisit = (id: string) =>
  useDecisionsMutation(({ entryId, outcome, note }: { entryId: string; outcome: string; note?: string }) =>
    apiPost<{ id: string }>(`/api/decisions/${id}/canvass/${entryId}/visits`, { outcome, note }),
  );

/** Every decisions write may change the lists, the decision, its roll and the rules: refresh the module's reads. */
function useDecisionsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: decisionKeys.all }) });
}

/** Who may be named a scrutineer of a decision at the place (the committees and offices over it). */
export const useScrutineerCandidates = (placeId: string | undefined) =>
  useQuery({
    queryKey: ['decisions', 'scrutineer-candidates', placeId ?? ''],
    queryFn: () => apiGet<{ items: { id: string; name: string; roles: { role: string; label: string; place: string }[] }[] }>('/api/decisions/scrutineer-candidates', { placeId }),
    enabled: !!placeId,
  });
export const useCreateDecision = () => useDecisionsMutation((body: CreateDecisionBody) => apiPost<{ id: string }>('/api/decisions', body));
/** The decision's weighty steps; open and close answer 202 with the approval they wait for. */
export type DecisionStep = 'roll' | 'open' | 'close' | 'publish';
export const useDecisionStep = (id: string) =>
  useDecisionsMutation((step: DecisionStep) => apiPost<unknown>(`/api/decisions/${id}/${step}`, step === 'roll' ? {} : { confirm: true }));
export const useMergeRoll = (id: string) =>
  useDecisionsMutation((body: { keepId: string; mergeId: string }) => apiPost<unknown>(`/api/decisions/${id}/roll/merge`, body));
export const useAnswerObjection = (id: string) =>
  useDecisionsMutation(({ objectionId, answer }: { objectionId: string; answer: string }) =>
    apiPost<unknown>(`/api/decisions/${id}/objections/${objectionId}/answer`, { answer }),
  );
export const useCreateRules = () => useDecisionsMutation((body: CreateRulesBody) => apiPost<{ id: string }>('/api/decisions/rules', body));
export const useRulesStep = () =>
  useDecisionsMutation(({ id, step }: { id: string; step: 'confirm' | 'in-force' }) => apiPost<unknown>(`/api/decisions/rules/${id}/${step}`, {}));
