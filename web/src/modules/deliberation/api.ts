import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRecordBody, listRecords } from '#server/modules/deliberation/contract.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../shared/api.ts';

/** The deliberation API as the web uses it; answer types come from the server's use cases (type-only). */
export type DeliberationRecord = Jsonify<Awaited<ReturnType<typeof listRecords>>>['items'][number];

export const deliberationKeys = {
  all: ['deliberation'] as const,
  list: (q: Query) => ['deliberation', 'list', q] as const,
};

export const useDeliberationRecords = (q: Query) =>
  useQuery({ queryKey: deliberationKeys.list(q), queryFn: () => apiGet<Page<DeliberationRecord>>('/api/deliberation/records', q), placeholderData: keepPreviousData });

export function useCreateDeliberationRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRecordBody) => apiPost<{ id: string }>('/api/deliberation/records', input),
    onSuccess: () => client.invalidateQueries({ queryKey: deliberationKeys.all }),
  });
}
