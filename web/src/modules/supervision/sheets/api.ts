import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateSheetBody,
  InspectionView,
  listInspectableCompounds,
  listInspections,
  listSheets,
  SaveItemBody,
  SaveSheetBody,
  SheetView,
  StartInspectionBody,
} from '#server/modules/supervision/contract.ts';
import { apiDelete, apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The sheets part's API: answer types come from the server's use cases (type-only). */
export type Sheet = Jsonify<SheetView>;
export type SheetRow = Jsonify<Awaited<ReturnType<typeof listSheets>>>['items'][number];
export type Inspection = Jsonify<InspectionView>;
export type InspectionIndicator = Inspection['sections'][number]['indicators'][number];
export type InspectionRow = Jsonify<Awaited<ReturnType<typeof listInspections>>>['items'][number];
export type InspectableCompound = Jsonify<Awaited<ReturnType<typeof listInspectableCompounds>>>[number];

const K = ['supervisionSheets'] as const;

export const useSheets = (q: Query) => useQuery({ queryKey: [...K, 'sheets', q], queryFn: () => apiGet<Page<SheetRow>>('/api/supervision/sheets', q), placeholderData: keepPreviousData });
export const useSheet = (id: string) => useQuery({ queryKey: [...K, 'sheet', id], queryFn: () => apiGet<Sheet>(`/api/supervision/sheets/${id}`) });
export const useInspections = (q: Query) =>
  useQuery({ queryKey: [...K, 'inspections', q], queryFn: () => apiGet<Page<InspectionRow>>('/api/supervision/inspections', q), placeholderData: keepPreviousData });
export const useInspection = (id: string) => useQuery({ queryKey: [...K, 'inspection', id], queryFn: () => apiGet<Inspection>(`/api/supervision/inspections/${id}`) });
export const useInspectableCompounds = (enabled: boolean) =>
  useQuery({ queryKey: [...K, 'compounds'], queryFn: () => apiGet<InspectableCompound[]>('/api/supervision/inspectable-compounds'), enabled });

/** A mutation whose answer (a sheet or an inspection) replaces the cached record, and refreshes the lists. */
function useWrite<V, T extends { id: string }>(fn: (v: V) => Promise<T>, kind: 'sheet' | 'inspection') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      if (data && 'sections' in data) client.setQueryData([...K, kind, data.id], data);
      return client.invalidateQueries({ queryKey: [...K, kind === 'sheet' ? 'sheets' : 'inspections'] });
    },
  });
}

export const useCreateSheet = () => useWrite((b: CreateSheetBody) => apiPost<Sheet>('/api/supervision/sheets', b), 'sheet');
export const useSaveSheet = (id: string) => useWrite((b: SaveSheetBody) => apiPut<Sheet>(`/api/supervision/sheets/${id}`, b), 'sheet');
export const useActivateSheet = (id: string) => useWrite(() => apiPost<Sheet>(`/api/supervision/sheets/${id}/activate`), 'sheet');
export const useCopySheet = (id: string) => useWrite(() => apiPost<Sheet>(`/api/supervision/sheets/${id}/copy`), 'sheet');
export const useDeleteSheet = (id: string) => useWrite(() => apiDelete<{ id: string }>(`/api/supervision/sheets/${id}`, undefined), 'sheet');

export const useStartInspection = () => useWrite((b: StartInspectionBody) => apiPost<Inspection>('/api/supervision/inspections', b), 'inspection');
export const useSaveItem = (id: string) =>
  useWrite(({ indicatorId, ...b }: SaveItemBody & { indicatorId: string }) => apiPut<Inspection>(`/api/supervision/inspections/${id}/items/${indicatorId}`, b), 'inspection');
export const useUploadEvidence = (id: string) =>
  useWrite(({ indicatorId, file, kind }: { indicatorId: string; file: File; kind: 'photo' | 'document' }) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    return apiUpload<Inspection>(`/api/supervision/inspections/${id}/items/${indicatorId}/files`, form);
  }, 'inspection');
export const useRemoveEvidence = (id: string) => useWrite((fileId: string) => apiDelete<Inspection>(`/api/supervision/inspections/${id}/files/${fileId}`, undefined), 'inspection');
export const useSubmitInspection = (id: string) => useWrite((note: string) => apiPost<Inspection>(`/api/supervision/inspections/${id}/submit`, note ? { note } : {}), 'inspection');
export const useDeleteInspection = (id: string) => useWrite(() => apiDelete<{ id: string }>(`/api/supervision/inspections/${id}`, undefined), 'inspection');

export const fileUrl = (inspectionId: string, fileId: string) => `/api/supervision/inspections/${inspectionId}/files/${fileId}`;
export { downloadFrom as download } from '../../../shared/download.ts';

/** Hundredths as points with two decimals ("7.50"). */
export const points = (centi: number | null | undefined) => (centi == null ? '—' : (centi / 100).toFixed(2));
/** The quarter a day falls in ('2026-11-22' → '2026-Q4'), and the one before it. */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
export const previousQuarter = (q: string) => {
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(6))];
  return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`;
};
