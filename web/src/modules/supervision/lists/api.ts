import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DecideBody,
  getListEntry,
  getListPublication,
  getListRules,
  listAppeals,
  listEntries,
  listListStreets,
  MeasureBody,
  previewList,
  publishList,
  PublishBody,
  RulesBody,
} from '#server/modules/supervision/contract.ts';
import { apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The lists part's API (红黑榜): answer types come from the server's use cases (type-only). */
export type ListStreets = Jsonify<Awaited<ReturnType<typeof listListStreets>>>;
export type ListStreet = ListStreets['items'][number];
export type Rules = Jsonify<Awaited<ReturnType<typeof getListRules>>>;
export type Publication = Jsonify<Awaited<ReturnType<typeof getListPublication>>>;
export type Preview = Jsonify<Awaited<ReturnType<typeof previewList>>>;
export type EntryRow = Jsonify<Awaited<ReturnType<typeof listEntries>>>['items'][number];
export type Entry = Jsonify<Awaited<ReturnType<typeof getListEntry>>>;
export type AppealRow = Jsonify<Awaited<ReturnType<typeof listAppeals>>>['items'][number];

const K = ['supervisionLists'] as const;
const B = '/api/supervision/lists';

export const useListStreets = () => useQuery({ queryKey: [...K, 'streets'], queryFn: () => apiGet<ListStreets>(`${B}/streets`) });
export const useRules = (streetId: string | undefined) => useQuery({ queryKey: [...K, 'rules', streetId], queryFn: () => apiGet<Rules>(`${B}/rules`, { streetId }), enabled: !!streetId });
export const usePublication = (streetId: string | undefined, period: string) =>
  useQuery({ queryKey: [...K, 'publication', streetId, period], queryFn: () => apiGet<Publication>(`${B}/publication`, { streetId, period }), enabled: !!streetId });
export const usePreview = (streetId: string | undefined, period: string, enabled: boolean) =>
  useQuery({ queryKey: [...K, 'preview', streetId, period], queryFn: () => apiGet<Preview>(`${B}/preview`, { streetId, period }), enabled: enabled && !!streetId });
export const useEntries = (q: Query, enabled = true) =>
  useQuery({ queryKey: [...K, 'entries', q], queryFn: () => apiGet<Page<EntryRow>>(`${B}/entries`, q), placeholderData: keepPreviousData, enabled });
export const useAppeals = (q: Query) => useQuery({ queryKey: [...K, 'appeals', q], queryFn: () => apiGet<Page<AppealRow>>(`${B}/appeals`, q), placeholderData: keepPreviousData });
export const useEntry = (id: string | null) => useQuery({ queryKey: [...K, 'entry', id], queryFn: () => apiGet<Entry>(`${B}/entries/${id}`), enabled: !!id });

function useWrite<Bd, R>(fn: (body: Bd) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useSaveRules = () => useWrite((b: RulesBody) => apiPut<Rules>(`${B}/rules`, b));
export const usePublish = () => useWrite((b: PublishBody) => apiPost<Jsonify<Awaited<ReturnType<typeof publishList>>>>(`${B}/publications`, b));
export const useAppeal = (entryId: string) => useWrite((form: FormData) => apiUpload<Entry>(`${B}/entries/${entryId}/appeal`, form));
export const useDecide = (appealId: string) => useWrite((b: DecideBody) => apiPost<Entry>(`${B}/appeals/${appealId}/decide`, b));
export const useRecordMeasure = (entryId: string) => useWrite((b: MeasureBody) => apiPost<Entry>(`${B}/entries/${entryId}/measures`, b));
export const useSubmitPlan = (measureId: string) => useWrite((form: FormData) => apiUpload<Entry>(`${B}/measures/${measureId}/plan`, form));

/** A form of text fields and files (field "files"), as the appeal and plan routes take it. */
export function toForm(fields: Record<string, string | undefined | null>, files: Blob[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') form.append(k, v);
  files.forEach((f, i) => form.append('files', f, (f as File).name || `file-${i + 1}`));
  return form;
}

export const fileUrl = (entryId: string, fileId: string) => `${B}/entries/${entryId}/files/${fileId}`;
export { downloadFrom as download } from '../../../shared/download.ts';
