import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventBody, EventListRow, EventView, LiaisonRow, PatrolRow, ReportPlace } from '#server/modules/grid/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The events part's API (网格事件, 执法进小区, 联合巡查, 随手拍); the answers' shapes come from the server's use cases (type-only). */
export type EventRow = Jsonify<EventListRow>;
export type GridEvent = Jsonify<EventView>;
export type Liaison = Jsonify<LiaisonRow>;
export type Patrol = Jsonify<PatrolRow>;
export type Place = ReportPlace;
export interface MyEvents {
  events: GridEvent[];
  compounds: { id: string; name: string; buildings: { id: string; name: string }[] }[];
}
export interface LiaisonOptions {
  compounds: { id: string; name: string }[];
  departments: { id: string; name: string }[];
  accounts: { id: string; name: string }[];
}
export interface ReportFields {
  placeId: string;
  location?: string;
  category: string;
  description: string;
  urgency: 'normal' | 'urgent';
  patrolId?: string;
}

const K = ['gridEvents'] as const;
const E = '/api/grid/events';
const L = '/api/grid/liaisons';
const P = '/api/grid/patrols';
const ME = '/api/me/grid/events';

export const useEvents = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<EventRow>>(E, q), placeholderData: keepPreviousData });
export const useEvent = (id: string) => useQuery({ queryKey: [...K, 'one', id], queryFn: () => apiGet<GridEvent>(`${E}/${id}`) });
export const useReportPlaces = () => useQuery({ queryKey: [...K, 'places'], queryFn: () => apiGet<Place[]>(`${E}/places`) });
export const useLiaisons = (q: Query) => useQuery({ queryKey: [...K, 'liaisons', q], queryFn: () => apiGet<Page<Liaison>>(L, q), placeholderData: keepPreviousData });
export const useLiaisonOptions = (enabled: boolean) => useQuery({ queryKey: [...K, 'liaisonOptions'], queryFn: () => apiGet<LiaisonOptions>(`${L}/options`), enabled });
export const usePatrols = (q: Query) => useQuery({ queryKey: [...K, 'patrols', q], queryFn: () => apiGet<Page<Patrol>>(P, q), placeholderData: keepPreviousData });
export const usePatrolPlaces = (enabled: boolean) => useQuery({ queryKey: [...K, 'patrolPlaces'], queryFn: () => apiGet<Place[]>(`${P}/places`), enabled });
export const useMyEvents = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<MyEvents>(ME) });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}

/** A form body with photos: the fields as text, the photos as files. */
function formOf(fields: Record<string, string | undefined>, photos: Blob[]): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, v);
  photos.forEach((p, i) => form.append('photos', p, (p as File).name || `photo-${i + 1}.jpg`));
  return form;
}

export const useReport = (mine = false) =>
  useWrite(({ fields, photos }: { fields: ReportFields; photos: Blob[] }) =>
    apiUpload<{ id: string; status: 'reported' }>(mine ? ME : E, formOf({ ...fields, urgency: fields.urgency }, photos)),
  );
export const useDispatch = (id: string, kind: 'dispatch' | 'reassign') => useWrite((b: { body: EventBody; note?: string }) => apiPost<{ id: string }>(`${E}/${id}/${kind}`, b));
export const useReasoned = (id: string, kind: 'reject' | 'dismiss' | 'reopen' | 'escalate') => useWrite((reason: string) => apiPost<{ id: string }>(`${E}/${id}/${kind}`, { reason }));
export const useAccept = (id: string) => useWrite(() => apiPost<{ id: string }>(`${E}/${id}/accept`));
export const useClose = (id: string) => useWrite(() => apiPost<{ id: string }>(`${E}/${id}/close`, {}));
export const useResolve = (id: string) => useWrite(({ note, photos }: { note: string; photos: Blob[] }) => apiUpload<{ id: string }>(`${E}/${id}/resolve`, formOf({ note }, photos)));
export const useRate = (mine = false) =>
  useWrite(({ id, stars, comment }: { id: string; stars: number; comment: string }) => apiPost<{ id: string; rating: number }>(`${mine ? ME : E}/${id}/rate`, { stars, comment }));
export const useAddLiaison = () =>
  useWrite((b: { departmentId: string; line: string; compoundId: string; accountId: string; name: string; phone?: string; fromOn: string }) => apiPost<{ id: string }>(L, b));
export const useEndLiaison = () => useWrite(({ id, untilOn }: { id: string; untilOn: string }) => apiPost<{ id: string }>(`${L}/${id}/end`, { untilOn }));
export const useRecordPatrol = () =>
  useWrite(({ compoundId, patrolOn, liaisonIds, findings, photos }: { compoundId: string; patrolOn: string; liaisonIds: string[]; findings: string; photos: Blob[] }) =>
    apiUpload<{ id: string }>(P, formOf({ compoundId, patrolOn, liaisonIds: liaisonIds.join(','), findings }, photos)),
  );

export { downloadFrom as download } from '../../../shared/download.ts';
