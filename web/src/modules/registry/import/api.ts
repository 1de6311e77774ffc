import { useQuery } from '@tanstack/react-query';
import type { getImport } from '#server/modules/registry/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify } from '../../../shared/api.ts';

/** The household import's API: upload → dry run → commit, each a task polled at /api/tasks/:id. */
export type ImportView = Jsonify<Awaited<ReturnType<typeof getImport>>>;
export type ImportReport = NonNullable<ImportView['report']>;
export type ImportIssue = ImportReport['issues'][number];
export type ImportField = NonNullable<ImportReport['columns'][number]['field']>;
export type Mapping = Record<string, ImportField | null>;

export interface TaskView {
  id: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result: unknown;
  error: { code: string; message: string } | null;
}

export const uploadImportFile = (placeId: string, file: File) => {
  const form = new FormData();
  // The place first: the server reads the parts in order.
  form.append('placeId', placeId);
  form.append('file', file, file.name);
  return apiUpload<{ importId: string; taskId: string }>('/api/registry/imports', form);
};
export const rerunDryRun = (id: string, mapping: Mapping) => apiPost<{ importId: string; taskId: string }>(`/api/registry/imports/${id}/dry-run`, { mapping });
export const commitImport = (id: string, skipInvalid: boolean) =>
  apiPost<{ importId: string; taskId: string }>(`/api/registry/imports/${id}/commit`, { skipInvalid });
export const fetchImport = (id: string) => apiGet<ImportView>(`/api/registry/imports/${id}`);

/** Polls a task twice a second until it finishes. */
export const useTask = (taskId: string | null) =>
  useQuery({
    queryKey: ['tasks', taskId],
    queryFn: () => apiGet<TaskView>(`/api/tasks/${taskId}`),
    enabled: !!taskId,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 500),
  });

export const reportUrl = (id: string) => `/api/registry/imports/${id}/report.xlsx`;
export const TEMPLATE_URL = '/api/registry/imports/template.xlsx';
