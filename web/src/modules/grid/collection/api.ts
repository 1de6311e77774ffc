import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommissionBody, CompanyMonth, ComponentCondition, ComponentKind, LegalKind, RecordDetail, RecordListRow, SettingsBody } from '#server/modules/grid/contract.ts';
import { apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The collection part's API (四个实有); the answers' shapes come from the server's use cases (type-only). */
export type RecordRow = Jsonify<RecordListRow>;
export type Record_ = Jsonify<RecordDetail>;
export type Month = Jsonify<CompanyMonth>;
export interface PlaceOption {
  id: string;
  kind: string;
  label: string;
}
export interface Member {
  personId: string;
  name: string;
  relations: string[];
  idNumberMasked: string | null;
}
export interface LegalRow {
  id: string;
  name: string;
  creditCode: string | null;
  kind: LegalKind;
  contact: string;
  location: string;
  placeLabel: string;
  createdAt: string;
}
export interface ComponentRow {
  id: string;
  kind: ComponentKind;
  location: string;
  condition: ComponentCondition;
  placeLabel: string;
  updatedAt: string;
}
export interface Commission {
  id: string;
  companyId: string;
  companyName: string;
  compoundId: string;
  compoundName: string;
  communityName: string;
  validFrom: string;
  validUntil: string | null;
  note: string;
  inForce: boolean;
}
export interface Commissions {
  items: Commission[];
  compounds: { id: string; name: string; companyId: string; companyName: string }[];
  canManage: boolean;
}
export interface Settings {
  incentiveFen: number;
  spotCheckBp: number;
  canManage: boolean;
}
export interface CoverageRow {
  id: string;
  label: string;
  rooms: number;
  roomsWithHousehold: number;
  arrivals: number;
  departures: number;
  legalPersons: number;
  components: number;
  good: number;
  damaged: number;
  missing: number;
}

const K = ['gridCollection'] as const;
export const B = '/api/grid/collection';

export const useRecords = (q: Query) => useQuery({ queryKey: [...K, 'records', q], queryFn: () => apiGet<Page<RecordRow>>(`${B}/records`, q), placeholderData: keepPreviousData });
export const useRecord = (id: string) => useQuery({ queryKey: [...K, 'record', id], queryFn: () => apiGet<Record_>(`${B}/records/${id}`) });
export const usePlaces = (kind: 'room' | 'site', q: string) =>
  useQuery({ queryKey: [...K, 'places', kind, q], queryFn: () => apiGet<PlaceOption[]>(`${B}/places`, { kind, q: q || undefined }), placeholderData: keepPreviousData });
export const useMembers = (roomId: string | undefined) =>
  useQuery({ queryKey: [...K, 'members', roomId], queryFn: () => apiGet<Member[]>(`${B}/rooms/${roomId}/members`), enabled: !!roomId });
export const usePlaceComponents = (placeId: string | undefined) =>
  useQuery({ queryKey: [...K, 'components-at', placeId], queryFn: () => apiGet<{ id: string; kind: ComponentKind; location: string; condition: ComponentCondition }[]>(`${B}/places/${placeId}/components`), enabled: !!placeId });
export const useLegalPersons = (q: Query) => useQuery({ queryKey: [...K, 'legal', q], queryFn: () => apiGet<Page<LegalRow>>(`${B}/legal-persons`, q), placeholderData: keepPreviousData });
export const useComponents = (q: Query) => useQuery({ queryKey: [...K, 'components', q], queryFn: () => apiGet<Page<ComponentRow>>(`${B}/components`, q), placeholderData: keepPreviousData });
export const useCommissions = () => useQuery({ queryKey: [...K, 'commissions'], queryFn: () => apiGet<Commissions>(`${B}/commissions`) });
export const useSettings = () => useQuery({ queryKey: [...K, 'settings'], queryFn: () => apiGet<Settings>(`${B}/settings`) });
export const useStatements = (month: string | undefined) =>
  useQuery({ queryKey: [...K, 'statements', month], queryFn: () => apiGet<{ month: string; items: Month[] }>(`${B}/statements`, { month }), placeholderData: keepPreviousData });
export const useCoverage = (q: Query) => useQuery({ queryKey: [...K, 'coverage', q], queryFn: () => apiGet<{ month: string; items: CoverageRow[] }>(`${B}/coverage`, q), placeholderData: keepPreviousData });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
/** A record with its fields as form text, and the component's photos. */
export const useSubmitRecord = () =>
  useWrite(({ fields, photos }: { fields: Record<string, string | number | undefined>; photos: Blob[] }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') form.append(k, String(v));
    photos.forEach((p, i) => form.append('photos', p, (p as File).name || `photo-${i + 1}.jpg`));
    return apiUpload<{ id: string; status: 'submitted' }>(`${B}/records`, form);
  });
export const useCheck = (id: string) => useWrite((b: { outcome: 'new' | 'known' | 'wrong'; reason?: string }) => apiPost<{ id: string; status: string }>(`${B}/records/${id}/check`, b));
export const useSpotCheck = (id: string) => useWrite((b: { passed: boolean; note: string }) => apiPost<{ id: string }>(`${B}/records/${id}/spot-check`, b));
export const useCreateCommission = () => useWrite((b: CommissionBody) => apiPost<{ id: string }>(`${B}/commissions`, b));
export const useEndCommission = () => useWrite(({ id, validUntil }: { id: string; validUntil: string }) => apiPost<{ id: string }>(`${B}/commissions/${id}/end`, { validUntil }));
export const useSaveSettings = () => useWrite((b: SettingsBody) => apiPut<Settings>(`${B}/settings`, b));

export { downloadFrom as download } from '../../../shared/download.ts';
