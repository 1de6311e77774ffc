import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Coverage as CoverageView,
  DeclarablePlace,
  DeclarationListRow,
  DeclarationView,
  HouseholdListRow,
  MyCallUp,
  MyVisitBuilding,
  VisitorOption,
} from '#server/modules/grid/contract.ts';
import { apiDelete, apiGet, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';
import { HOME_KEY } from '../../../resident/home.ts';

/** The emergency part's API (应急管理, 入户排查); the answers' shapes come from the server's use cases (type-only). */
export type DeclarationRow = Jsonify<DeclarationListRow>;
export type Declaration = Jsonify<DeclarationView>;
export type Coverage = Jsonify<CoverageView>;
export type HouseholdRow = Jsonify<HouseholdListRow>;
export type VisitBuilding = Jsonify<MyVisitBuilding>;
export type CallUp = Jsonify<MyCallUp>;
export type Visitor = VisitorOption;
export type Place = DeclarablePlace;
export interface Reserve {
  volunteers: number;
  residents: number;
  share: number | null;
  target: number;
}

const K = ['grid', 'emergency'] as const;
export const E = '/api/grid/emergency';
const ME = '/api/me/grid/emergency';

export const useDeclarations = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<DeclarationRow>>(`${E}/declarations`, q), placeholderData: keepPreviousData });
export const usePlaces = (enabled: boolean) => useQuery({ queryKey: [...K, 'places'], queryFn: () => apiGet<Place[]>(`${E}/places`), enabled });
export const useDeclaration = (id: string) => useQuery({ queryKey: [...K, 'one', id], queryFn: () => apiGet<Declaration>(`${E}/declarations/${id}`) });
/** The coverage, polled every 5 s while the page is open. */
export const useCoverage = (id: string, live: boolean) =>
  useQuery({ queryKey: [...K, 'coverage', id], queryFn: () => apiGet<Coverage>(`${E}/declarations/${id}/coverage`), refetchInterval: live ? 5000 : false });
export const useHouseholds = (id: string, q: Query, live: boolean) =>
  useQuery({ queryKey: [...K, 'households', id, q], queryFn: () => apiGet<Page<HouseholdRow>>(`${E}/declarations/${id}/households`, q), placeholderData: keepPreviousData, refetchInterval: live ? 5000 : false });
export const useVisitors = (id: string, enabled: boolean) => useQuery({ queryKey: [...K, 'visitors', id], queryFn: () => apiGet<Visitor[]>(`${E}/declarations/${id}/visitors`), enabled });
export const useReserve = (id: string) => useQuery({ queryKey: [...K, 'reserve', id], queryFn: () => apiGet<Reserve>(`${E}/declarations/${id}/reserve`) });
export const useMyVisits = () => useQuery({ queryKey: [...K, 'visits'], queryFn: () => apiGet<{ buildings: VisitBuilding[] }>(`${ME}/visits`), refetchInterval: 15000 });
export const useMyCallUps = () => useQuery({ queryKey: [...K, 'call-ups'], queryFn: () => apiGet<CallUp[]>(`${ME}/call-ups`) });

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: K }), client.invalidateQueries({ queryKey: HOME_KEY })]) });
}
export const useDeclare = () => useWrite((b: { placeId: string; level: string; reason: string }) => apiPost<{ id: string; households: number }>(`${E}/declarations`, b));
export const useEnd = (id: string) => useWrite((b: { summary: string }) => apiPost<{ id: string }>(`${E}/declarations/${id}/end`, b));
export const useStartScreening = (id: string) => useWrite(() => apiPost<{ id: string }>(`${E}/declarations/${id}/screening`, {}));
export const useAssign = (id: string) => useWrite((b: { buildingId: string; accountId?: string; personId?: string }) => apiPost<{ id: string }>(`${E}/declarations/${id}/assignments`, b));
export const useUnassign = () => useWrite((assignmentId: string) => apiDelete<{ id: string }>(`${E}/assignments/${assignmentId}`, undefined));
export const useAddRoster = (id: string) => useWrite((b: object) => apiPost<{ id: string }>(`${E}/declarations/${id}/rosters`, b));
export const useRemoveRoster = () => useWrite((rosterId: string) => apiDelete<{ id: string }>(`${E}/rosters/${rosterId}`, undefined));
export const useCallUp = (id: string) => useWrite((b: object) => apiPost<{ id: string; notified: number }>(`${E}/declarations/${id}/call-ups`, b));
export const useClaim = () => useWrite((householdId: string) => apiPost<{ id: string }>(`${E}/households/${householdId}/claim`, {}));
export const useMark = () => useWrite(({ id, ...b }: { id: string; status: string; need?: string; answers?: Record<string, string> }) => apiPost<{ id: string }>(`${E}/households/${id}/mark`, b));
export const useCorrect = () => useWrite(({ id, ...b }: { id: string; status: string; need?: string; note: string }) => apiPost<{ id: string }>(`${E}/households/${id}/correct`, b));
export const useAnswerCallUp = () => useWrite(({ id, answer }: { id: string; answer: 'accepted' | 'declined' }) => apiPost<{ id: string }>(`${ME}/call-ups/${id}/answer`, { answer }));

export { downloadFrom as download } from '../../../shared/download.ts';
