import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerBody,
  CreateSurveyBody,
  getMySurvey,
  getSurvey,
  getSurveyResults,
  listMySurveys,
  listResponses,
  listSurveys,
  QuestionInput,
  surveyTexts,
  UpdateSurveyBody,
} from '#server/modules/surveys/contract.ts';
import { apiGet, apiPatch, apiPost, apiPut, type Jsonify, type Page, type Query } from '../../shared/api.ts';

/** The surveys API as the web uses it; answer types come from the server's use cases (type-only). */
export type SurveyRow = Jsonify<Awaited<ReturnType<typeof listSurveys>>>['items'][number];
export type Survey = Jsonify<Awaited<ReturnType<typeof getSurvey>>>;
export type SurveyResults = Jsonify<Awaited<ReturnType<typeof getSurveyResults>>>;
export type QuestionResult = SurveyResults['questions'][number];
export type ResponseRow = Jsonify<Awaited<ReturnType<typeof listResponses>>>['items'][number];
export type TextRow = Jsonify<Awaited<ReturnType<typeof surveyTexts>>>['items'][number];
export type MySurveyRow = Jsonify<Awaited<ReturnType<typeof listMySurveys>>>['items'][number];
export type MySurvey = Jsonify<Awaited<ReturnType<typeof getMySurvey>>>;
export type { QuestionInput };

export const surveysKeys = {
  all: ['surveys'] as const,
  list: (q: Query) => ['surveys', 'list', q] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  results: (id: string) => ['surveys', 'results', id] as const,
  responses: (id: string, q: Query) => ['surveys', 'responses', id, q] as const,
  texts: (id: string, q: Query) => ['surveys', 'texts', id, q] as const,
  mine: ['surveys', 'mine'] as const,
  myOne: (id: string) => ['surveys', 'mine', id] as const,
};

export const useSurveys = (q: Query) =>
  useQuery({ queryKey: surveysKeys.list(q), queryFn: () => apiGet<Page<SurveyRow>>('/api/surveys', q), placeholderData: keepPreviousData });
export const useSurvey = (id: string) => useQuery({ queryKey: surveysKeys.one(id), queryFn: () => apiGet<Survey>(`/api/surveys/${id}`) });
export const useSurveyResults = (id: string) => useQuery({ queryKey: surveysKeys.results(id), queryFn: () => apiGet<SurveyResults>(`/api/surveys/${id}/results`) });
export const useSurveyResponses = (id: string, q: Query) =>
  useQuery({
    queryKey: surveysKeys.responses(id, q),
    queryFn: () => apiGet<Page<ResponseRow> & { anonymous: boolean }>(`/api/surveys/${id}/responses`, q),
    placeholderData: keepPreviousData,
  });
export const useSurveyTexts = (id: string, q: Query & { no: number }) =>
  useQuery({ queryKey: surveysKeys.texts(id, q), queryFn: () => apiGet<Page<TextRow>>(`/api/surveys/${id}/texts`, q), placeholderData: keepPreviousData });

function useSurveyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: surveysKeys.all }) });
}
/** The builder sends dates as ISO instants (the server reads them as instants; shown in Asia/Shanghai). */
export type SurveyDraft = Omit<CreateSurveyBody, 'opensAt' | 'closesAt'> & { opensAt: string; closesAt: string };
export const useCreateSurvey = () => useSurveyMutation((v: SurveyDraft) => apiPost<{ id: string }>('/api/surveys', v));
export const useUpdateSurvey = (id: string) =>
  useSurveyMutation((v: Omit<UpdateSurveyBody, 'opensAt' | 'closesAt'> & { opensAt?: string; closesAt?: string }) => apiPatch(`/api/surveys/${id}`, v));
export const useSetQuestions = (id: string) => useSurveyMutation((questions: QuestionInput[]) => apiPut(`/api/surveys/${id}/questions`, { questions }));
export const usePublishSurvey = (id: string) => useSurveyMutation(() => apiPost(`/api/surveys/${id}/publish`));
export const useCloseSurvey = (id: string) => useSurveyMutation(() => apiPost(`/api/surveys/${id}/close`));

// Residents
export const useMySurveys = () => useQuery({ queryKey: surveysKeys.mine, queryFn: () => apiGet<Page<MySurveyRow>>('/api/me/surveys', { pageSize: 50 }) });
export const useMySurvey = (id: string) => useQuery({ queryKey: surveysKeys.myOne(id), queryFn: () => apiGet<MySurvey>(`/api/me/surveys/${id}`) });
export function useAnswerSurvey(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerBody) => apiPost<{ answered: true }>(`/api/me/surveys/${id}/answers`, body),
    onSettled: () => client.invalidateQueries({ queryKey: surveysKeys.mine }),
  });
}

/** Downloads the survey's xlsx (results and responses), made on the server. */
export async function downloadSurveyXlsx(id: string, fileName: string): Promise<void> {
  const res = await fetch(`/api/surveys/${id}/export.xlsx`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status}`);
  const { saveBlob } = await import('../../shared/download.ts');
  saveBlob(await res.blob(), fileName);
}
