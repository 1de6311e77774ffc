import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  computeAssessment,
  EvaluationBody,
  getAssessmentOverview,
  getAssessmentSettings,
  getCompanyTrend,
  getCompoundAssessment,
  listAssessments,
  listEvaluations,
  MyCompoundColour,
  requestPublication,
  SettingsBody,
  StreetPeriodBody,
} from '#server/modules/supervision/contract.ts';
import { apiGet, apiPatch, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The assessment part's API: answer types come from the server's use cases (type-only). */
export type Overview = Jsonify<Awaited<ReturnType<typeof getAssessmentOverview>>>;
export type StreetState = Overview['streets'][number];
export type CompanyRow = Overview['companies'][number];
export type AssessmentRow = Jsonify<Awaited<ReturnType<typeof listAssessments>>>['items'][number];
export type Trend = Jsonify<Awaited<ReturnType<typeof getCompanyTrend>>>;
export type CompoundAssessment = Jsonify<Awaited<ReturnType<typeof getCompoundAssessment>>>;
export type Settings = Jsonify<Awaited<ReturnType<typeof getAssessmentSettings>>>;
export type Evaluations = Jsonify<Awaited<ReturnType<typeof listEvaluations>>>;
export type EvaluationRow = Evaluations['items'][number];
export type { MyCompoundColour };

const K = ['supervisionAssessment'] as const;

export const useOverview = (q: { placeId?: string | undefined; period: string }) =>
  useQuery({ queryKey: [...K, 'overview', q], queryFn: () => apiGet<Overview>('/api/supervision/assessment/overview', q), placeholderData: keepPreviousData });
export const useTrend = (q: { placeId?: string | undefined; period: string }) =>
  useQuery({ queryKey: [...K, 'trend', q], queryFn: () => apiGet<Trend>('/api/supervision/assessment/trend', q), placeholderData: keepPreviousData });
export const useAssessments = (q: Query) =>
  useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<AssessmentRow>>('/api/supervision/assessment/compounds', q), placeholderData: keepPreviousData });
export const useCompoundAssessment = (period: string, compoundId: string) =>
  useQuery({ queryKey: [...K, 'compound', period, compoundId], queryFn: () => apiGet<CompoundAssessment>(`/api/supervision/assessment/${period}/compounds/${compoundId}`) });
export const useSettings = (streetId: string | undefined) =>
  useQuery({ queryKey: [...K, 'settings', streetId], queryFn: () => apiGet<Settings>('/api/supervision/assessment/settings', { streetId }), enabled: !!streetId });
export const useEvaluations = (q: { placeId?: string | undefined; period: string }) =>
  useQuery({ queryKey: [...K, 'evaluations', q], queryFn: () => apiGet<Evaluations>('/api/supervision/assessment/evaluations', q), placeholderData: keepPreviousData });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useCompute = () => useWrite((b: StreetPeriodBody) => apiPost<Jsonify<Awaited<ReturnType<typeof computeAssessment>>>>('/api/supervision/assessment/compute', b));
export const usePublish = () => useWrite((b: StreetPeriodBody) => apiPost<Jsonify<Awaited<ReturnType<typeof requestPublication>>>>('/api/supervision/assessment/publish', b));
export const useSaveSettings = () => useWrite((b: SettingsBody) => apiPatch<Settings>('/api/supervision/assessment/settings', b));
export const useEvaluate = () => useWrite((b: EvaluationBody) => apiPost<unknown>('/api/supervision/assessment/evaluations', b));

export { downloadFrom as download } from '../../../shared/download.ts';
