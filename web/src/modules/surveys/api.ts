import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRecordBody, listRecords } from '#server/modules/surveys/contract.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../shared/api.ts';

/** The surveys API as the web uses it; answer types come from the server's use cases (type-only). */
export type SurveysRecord = Jsonify<Awaited<ReturnType<typeof listRecords>>>['items'][number];

export const surveysKeys = {
  all: ['surveys'] as const,
  list: (q: Query) => ['surveys', 'list', q] as const,
};

export const useSurveysRecords = (q: Query) =>
  useQuery({ queryKey: surveysKeys.list(q), queryFn: () => apiGet<Page<SurveysRecord>>('/api/surveys/records', q), placeholderData: keepPreviousData });

export function useCreateSurveysRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRecordBody) => apiPost<{ id: string }>('/api/surveys/records', input),
    onSuccess: () => client.invalidateQueries({ queryKey: surveysKeys.all }),
  });
}
