import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateItemBody,
  getItem,
  getMyItem,
  getSettings,
  itemSurveys,
  myItemSurveys,
  AttachSurveyBody,
  listItems,
  listMyItems,
  listPromotedForMe,
  myItemByOpinion,
  ProposalBody,
  SettingsBody,
} from '#server/modules/deliberation/contract.ts';
import { DELIBERATION_ROLES } from '#server/modules/deliberation/contract.ts';
import { apiGet, apiPost, apiPut, type Jsonify, type Query } from '../../shared/api.ts';
import type { Me } from '../../shared/session.ts';
import './i18n.ts';

/** The deliberation API as the web uses it; answer types come from the server's use cases (type-only). */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type ItemsPage = Answer<typeof listItems>;
export type ItemRow = ItemsPage['items'][number];
export type Item = Answer<typeof getItem>;
export type PromotedOpinion = Answer<typeof listPromotedForMe>['items'][number];
export type PlaceSettings = Answer<typeof getSettings>;
export type MyItemsPage = Answer<typeof listMyItems>;
export type MyItemRow = MyItemsPage['items'][number];
export type MyItem = Answer<typeof getMyItem>;
export type ItemOfOpinion = Answer<typeof myItemByOpinion>;
export type ItemSurveys = Answer<typeof itemSurveys>;
export type MyItemSurveys = Answer<typeof myItemSurveys>;
export type { CreateItemBody, ProposalBody, SettingsBody };

/** Whether any of the account's grants carries a role with this permission (a UI hint; the server decides). */
export const mayDeliberation = (me: Me | null | undefined, permission: keyof typeof DELIBERATION_ROLES): boolean =>
  !!me?.grants.some((g) => (DELIBERATION_ROLES[permission] as readonly string[]).includes(g.role));

export const deliberationKeys = {
  all: ['deliberation'] as const,
  list: (q: Query) => ['deliberation', 'list', q] as const,
  one: (id: string) => ['deliberation', 'one', id] as const,
  promoted: () => ['deliberation', 'promoted'] as const,
  settings: (placeId: string) => ['deliberation', 'settings', placeId] as const,
  mine: (q: Query) => ['deliberation', 'mine', q] as const,
  myOne: (id: string) => ['deliberation', 'myOne', id] as const,
  byOpinion: (opinionId: string) => ['deliberation', 'byOpinion', opinionId] as const,
  surveys: (id: string) => ['deliberation', 'surveys', id] as const,
  mySurveys: (id: string) => ['deliberation', 'mySurveys', id] as const,
};

export const fetchItems = (q: Query) => apiGet<ItemsPage>('/api/deliberation/items', q);
export const useItems = (q: Query) => useQuery({ queryKey: deliberationKeys.list(q), queryFn: () => fetchItems(q), placeholderData: keepPreviousData });
export const useItem = (id: string) => useQuery({ queryKey: deliberationKeys.one(id), queryFn: () => apiGet<Item>(`/api/deliberation/items/${id}`) });
export const usePromotedOpinions = () =>
  useQuery({ queryKey: deliberationKeys.promoted(), queryFn: () => apiGet<{ items: PromotedOpinion[] }>('/api/deliberation/promoted-opinions').then((r) => r.items) });
export const useSettings = (placeId: string | undefined) =>
  useQuery({ queryKey: deliberationKeys.settings(placeId ?? ''), queryFn: () => apiGet<PlaceSettings>(`/api/deliberation/settings/${placeId}`), enabled: !!placeId });
export const useMyItems = (q: Query) =>
  useQuery({ queryKey: deliberationKeys.mine(q), queryFn: () => apiGet<MyItemsPage>('/api/me/deliberation/items', q), placeholderData: keepPreviousData });
export const useMyItem = (id: string) => useQuery({ queryKey: deliberationKeys.myOne(id), queryFn: () => apiGet<MyItem>(`/api/me/deliberation/items/${id}`) });
/** The item an opinion became (404 when none, or not mine to see: then there is no line to show). */
export const useItemOfOpinion = (opinionId: string) =>
  useQuery({
    queryKey: deliberationKeys.byOpinion(opinionId),
    queryFn: () => apiGet<ItemOfOpinion>(`/api/me/deliberation/items/by-opinion/${opinionId}`).catch(() => null),
    retry: false,
  });

/** Every write changes lists, counts and the item: refresh everything of the module. */
function useDeliberationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: deliberationKeys.all }) });
}

export const useCreateItem = () => useDeliberationMutation((b: CreateItemBody) => apiPost<{ id: string; code: string }>('/api/deliberation/items', b));
export const useTakeUp = () => useDeliberationMutation((opinionId: string) => apiPost<{ id: string; code: string }>('/api/deliberation/items/take-up', { opinionId }));
export const useAccept = (id: string) => useDeliberationMutation(() => apiPost(`/api/deliberation/items/${id}/accept`));
export const useReject = (id: string) => useDeliberationMutation((reason: string) => apiPost(`/api/deliberation/items/${id}/reject`, { reason }));
export const useMerge = (id: string) => useDeliberationMutation((itemIds: string[]) => apiPost(`/api/deliberation/items/${id}/merge`, { itemIds }));
export const usePutSettings = (placeId: string) => useDeliberationMutation((b: SettingsBody) => apiPut(`/api/deliberation/settings/${placeId}`, b));
export const useSupport = () => useDeliberationMutation((id: string) => apiPost<{ supporterCount: number; stage: string }>(`/api/me/deliberation/items/${id}/support`));
export const usePropose = () => useDeliberationMutation((b: ProposalBody) => apiPost<{ id: string; code: string }>('/api/me/deliberation/proposals', b));

/** An item's surveys (stage 1's opinion, stage 6's evaluation), kept by the surveys module. */
export const useItemSurveys = (id: string) => useQuery({ queryKey: deliberationKeys.surveys(id), queryFn: () => apiGet<ItemSurveys>(`/api/deliberation/items/${id}/surveys`) });
export const useMyItemSurveys = (id: string) =>
  useQuery({ queryKey: deliberationKeys.mySurveys(id), queryFn: () => apiGet<MyItemSurveys>(`/api/me/deliberation/items/${id}/surveys`) });
export const useAttachSurvey = (id: string) =>
  useDeliberationMutation((b: AttachSurveyBody) => apiPost<{ id: string }>(`/api/deliberation/items/${id}/surveys`, b));
