import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoticeCompanyCounts, NoticeDetail, NoticeListItem, NoticePrefill } from '#server/modules/supervision/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The rectification part's API (整改通知单): answer types come from the server's use cases (type-only). */
export type NoticeRow = Jsonify<NoticeListItem>;
export type Notice = Jsonify<NoticeDetail>;
export type CompanyCounts = Jsonify<NoticeCompanyCounts>;
export type Prefill = Jsonify<NoticePrefill>;

const K = ['supervisionRectification'] as const;
export const noticeKeys = { all: K, one: (id: string) => [...K, 'one', id] as const };

export const useNotices = (q: Query) =>
  useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<NoticeRow>>('/api/supervision/notices', q), placeholderData: keepPreviousData });
export const useCompanyCounts = (q: Query) =>
  useQuery({ queryKey: [...K, 'by-company', q], queryFn: () => apiGet<CompanyCounts>('/api/supervision/notices/by-company', q), placeholderData: keepPreviousData });
export const useNotice = (id: string) => useQuery({ queryKey: noticeKeys.one(id), queryFn: () => apiGet<Notice>(`/api/supervision/notices/${id}`) });
export const usePrefill = (q: { inspectionId?: string | null; indicatorId?: string | null }) =>
  useQuery({
    queryKey: [...K, 'prefill', q],
    queryFn: () => apiGet<Prefill>('/api/supervision/notices/prefill', { inspectionId: q.inspectionId, indicatorId: q.indicatorId }),
    enabled: !!q.inspectionId && !!q.indicatorId,
  });

/** A form with its evidence: fields as text, files under `files`. */
export function toForm(fields: Record<string, string | undefined | null>, files: Blob[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') form.append(k, v);
  files.forEach((f, i) => form.append('files', f, (f as File).name || `file-${i + 1}`));
  return form;
}

function useNoticesMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useIssueNotice = () => useNoticesMutation((form: FormData) => apiUpload<{ id: string; no: string }>('/api/supervision/notices', form));
export const useRespondNotice = (id: string) => useNoticesMutation((form: FormData) => apiUpload<Notice>(`/api/supervision/notices/${id}/respond`, form));
export const useCloseNotice = (id: string) => useNoticesMutation((body: { note: string }) => apiPost<Notice>(`/api/supervision/notices/${id}/close`, body));
export const useReissueNotice = (id: string) => useNoticesMutation((body: { reason: string; deadline: string }) => apiPost<Notice>(`/api/supervision/notices/${id}/reissue`, body));

export const fileUrl = (noticeId: string, fileId: string) => `/api/supervision/notices/${noticeId}/files/${fileId}`;
export const pdfUrl = (noticeId: string) => `/api/supervision/notices/${noticeId}/notice.pdf`;
export { downloadFrom as download } from '../../../shared/download.ts';
