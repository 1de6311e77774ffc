import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AllocationBody,
  ApplicationListItem,
  ApplyBody,
  AssignBody,
  CompoundStarRow,
  compoundStarHistory,
  getStarApplication,
  getStarSettings,
  listApplicableCompounds,
  listStarAssessors,
  listStarStreets,
  MyCompoundStars,
  StarSettingsBody,
} from '#server/modules/supervision/contract.ts';
import { apiGet, apiPost, apiPut, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The stars part's API: answer types come from the server's use cases (type-only). */
export type StarSettings = Jsonify<Awaited<ReturnType<typeof getStarSettings>>>;
export type Application = Jsonify<Awaited<ReturnType<typeof getStarApplication>>>;
export type ApplicationRow = Jsonify<ApplicationListItem>;
export type CompoundStars = Jsonify<CompoundStarRow>;
export type StarHistory = Jsonify<Awaited<ReturnType<typeof compoundStarHistory>>>;
export type StarStreets = Jsonify<Awaited<ReturnType<typeof listStarStreets>>>;
export type Applicable = Jsonify<Awaited<ReturnType<typeof listApplicableCompounds>>>;
export type Assessors = Jsonify<Awaited<ReturnType<typeof listStarAssessors>>>;
export type { MyCompoundStars };

const K = ['supervisionStars'] as const;
const base = '/api/supervision/stars';

export const useStarStreets = () => useQuery({ queryKey: [...K, 'streets'], queryFn: () => apiGet<StarStreets>(`${base}/streets`) });
export const useApplicable = (enabled: boolean) => useQuery({ queryKey: [...K, 'applicable'], queryFn: () => apiGet<Applicable>(`${base}/applicable-compounds`), enabled });
export const useStarSettings = (streetId: string | undefined) =>
  useQuery({ queryKey: [...K, 'settings', streetId], queryFn: () => apiGet<StarSettings>(`${base}/settings`, { streetId }), enabled: !!streetId });
export const useApplications = (q: Query) =>
  useQuery({ queryKey: [...K, 'applications', q], queryFn: () => apiGet<Page<ApplicationRow>>(`${base}/applications`, q), placeholderData: keepPreviousData });
export const useCompoundStars = (q: Query) =>
  useQuery({ queryKey: [...K, 'compounds', q], queryFn: () => apiGet<Page<CompoundStars>>(`${base}/compounds`, q), placeholderData: keepPreviousData });
export const useApplication = (id: string) => useQuery({ queryKey: [...K, 'application', id], queryFn: () => apiGet<Application>(`${base}/applications/${id}`) });
export const useAssessors = (id: string, enabled: boolean) => useQuery({ queryKey: [...K, 'assessors', id], queryFn: () => apiGet<Assessors>(`${base}/applications/${id}/assessors`), enabled });
export const useStarHistory = (compoundId: string | undefined) =>
  useQuery({ queryKey: [...K, 'history', compoundId], queryFn: () => apiGet<StarHistory>(`${base}/compounds/${compoundId}/history`), enabled: !!compoundId });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useApply = () => useWrite((b: ApplyBody) => apiPost<{ id: string }>(`${base}/applications`, b));
export const useAssign = (id: string) => useWrite((b: AssignBody) => apiPost<unknown>(`${base}/applications/${id}/assessor`, b));
export const useStartAssessment = (id: string) => useWrite(() => apiPost<{ inspectionId: string }>(`${base}/applications/${id}/assessment`));
export const useRequestConfirmation = (id: string) => useWrite(() => apiPost<unknown>(`${base}/applications/${id}/confirmation`));
export const useAllocate = (id: string) => useWrite((b: AllocationBody) => apiPut<unknown>(`${base}/applications/${id}/allocation`, b));
export const useSaveStarSettings = () => useWrite((b: StarSettingsBody) => apiPut<StarSettings>(`${base}/settings`, b));

export { downloadFrom as download } from '../../../shared/download.ts';
