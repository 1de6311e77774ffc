import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnswerCorrectionBody, listCorrections } from '#server/modules/registry/contract.ts';
import { apiGet, apiPost, type Jsonify, type Query } from '../../../shared/api.ts';

/** 信息更正's API: the officials' list and their answer (server: registry use-cases/*-correction*.ts). */
export type CorrectionRow = Jsonify<Awaited<ReturnType<typeof listCorrections>>>['items'][number];

export const correctionKeys = { all: ['registry', 'corrections'] as const, list: (q: Query) => ['registry', 'corrections', q] as const };

export const fetchCorrections = (q: Query) => apiGet<Jsonify<Awaited<ReturnType<typeof listCorrections>>>>('/api/registry/corrections', q);

export const useCorrections = (q: Query) => useQuery({ queryKey: correctionKeys.list(q), queryFn: () => fetchCorrections(q), placeholderData: keepPreviousData });

export function useAnswerCorrection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AnswerCorrectionBody & { id: string }) => apiPost<{ id: string; status: 'answered' }>(`/api/registry/corrections/${id}/answer`, body),
    // The list, and the home's count of requests waiting.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: correctionKeys.all }), client.invalidateQueries({ queryKey: ['me', 'workbench'] })]),
  });
}
