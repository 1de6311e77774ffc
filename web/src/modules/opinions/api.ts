import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PostOpinionBody } from '#server/modules/opinions/contract.ts';
import type { getOpinion } from '#server/modules/opinions/contract.ts';
import type { listInbox } from '#server/modules/opinions/contract.ts';
import type { opinionTargets } from '#server/modules/opinions/contract.ts';
import { apiDelete, apiGet, apiPost, type Jsonify, type Page, type Query } from '../../shared/api.ts';
import './i18n.ts';

/**
 * The opinions API as the web uses it. Response types are inferred from the server's use cases
 * (type-only imports, erased from the bundle).
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type Opinion = Answer<typeof getOpinion>;
export type OpinionRow = Answer<typeof listInbox>['items'][number];
export type OpinionTarget = Answer<typeof opinionTargets>['items'][number];
export type { PostOpinionBody };

export const opinionKeys = {
  all: ['opinions'] as const,
  inbox: (q: Query) => ['opinions', 'inbox', q] as const,
  one: (id: string) => ['opinions', 'one', id] as const,
  targets: () => ['opinions', 'targets'] as const,
  mine: (q: Query) => ['opinions', 'mine', q] as const,
  compound: (q: Query) => ['opinions', 'compound', q] as const,
};

export const fetchInbox = (q: Query) => apiGet<Page<OpinionRow>>('/api/opinions', q);

export const useInbox = (q: Query) => useQuery({ queryKey: opinionKeys.inbox(q), queryFn: () => fetchInbox(q), placeholderData: keepPreviousData });
export const useOpinion = (id: string) => useQuery({ queryKey: opinionKeys.one(id), queryFn: () => apiGet<Opinion>(`/api/opinions/${id}`) });
export const useOpinionTargets = () =>
  useQuery({ queryKey: opinionKeys.targets(), queryFn: () => apiGet<{ items: OpinionTarget[] }>('/api/me/opinion-targets').then((r) => r.items) });
export const useMyOpinions = (q: Query) =>
  useQuery({ queryKey: opinionKeys.mine(q), queryFn: () => apiGet<Page<Opinion>>('/api/me/opinions', q), placeholderData: keepPreviousData });
export const useCompoundOpinions = (q: Query) =>
  useQuery({ queryKey: opinionKeys.compound(q), queryFn: () => apiGet<Page<Opinion>>('/api/me/compound-opinions', q), placeholderData: keepPreviousData });

/** Every write answers the opinion as it now is: put it in the cache, refresh the lists. */
function useOpinionMutation<I>(fn: (input: I) => Promise<Opinion>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (o) => {
      client.setQueryData(opinionKeys.one(o.id), o);
      return client.invalidateQueries({ queryKey: opinionKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}

export const usePostOpinion = () => useOpinionMutation((b: PostOpinionBody) => apiPost<Opinion>('/api/opinions', b));
export const useAnswerOpinion = (id: string) => useOpinionMutation((answer: string) => apiPost<Opinion>(`/api/opinions/${id}/answer`, { answer }));
export const useHideOpinion = (id: string) => useOpinionMutation((reason: string) => apiPost<Opinion>(`/api/opinions/${id}/hide`, { reason }));
export const useUnhideOpinion = (id: string) => useOpinionMutation(() => apiPost<Opinion>(`/api/opinions/${id}/unhide`));
export const usePromoteOpinion = (id: string) => useOpinionMutation((note: string | undefined) => apiPost<Opinion>(`/api/opinions/${id}/promote`, note ? { note } : {}));
export const useMeToo = () =>
  useOpinionMutation(({ id, on }: { id: string; on: boolean }) =>
    on ? apiPost<Opinion>(`/api/opinions/${id}/me-too`) : apiDelete<Opinion>(`/api/opinions/${id}/me-too`, {}),
  );
export const useRateOpinion = (id: string) =>
  useOpinionMutation((b: { rating: number; comment?: string }) => apiPost<Opinion>(`/api/opinions/${id}/rating`, b));
