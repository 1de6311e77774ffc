import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateNoticeBody, UpdateNoticeBody } from '#server/modules/notices/contract.ts';
import type { getMyNotice, getNotice } from '#server/modules/notices/contract.ts';
import type { listMyNotices } from '#server/modules/notices/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../shared/api.ts';
import './i18n.ts';

/** The notices API as the web uses it; response types come from the server's use cases (type-only). */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type Notice = Answer<typeof getNotice>;
export type MyNotice = Answer<typeof getMyNotice>;
export type MyNoticeRow = Answer<typeof listMyNotices>['items'][number];
/** What the editor sends: the create body without server defaults applied. */
export type NoticeInput = Partial<CreateNoticeBody> & Pick<CreateNoticeBody, 'placeId' | 'category' | 'title'>;
export type { UpdateNoticeBody };

export const noticeKeys = {
  all: ['notices'] as const,
  list: (q: Query) => ['notices', 'list', q] as const,
  one: (id: string) => ['notices', 'one', id] as const,
  mine: (q: Query) => ['notices', 'mine', q] as const,
  myOne: (id: string) => ['notices', 'mine-one', id] as const,
  unread: () => ['notices', 'unread'] as const,
};

export const useNotices = (q: Query) =>
  useQuery({ queryKey: noticeKeys.list(q), queryFn: () => apiGet<Page<Notice>>('/api/notices', q), placeholderData: keepPreviousData });
export const useNotice = (id: string) => useQuery({ queryKey: noticeKeys.one(id), queryFn: () => apiGet<Notice>(`/api/notices/${id}`) });
export const useMyNotices = (q: Query) =>
  useQuery({ queryKey: noticeKeys.mine(q), queryFn: () => apiGet<Page<MyNoticeRow>>('/api/me/notices', q), placeholderData: keepPreviousData });
export const useMyNotice = (id: string) => useQuery({ queryKey: noticeKeys.myOne(id), queryFn: () => apiGet<MyNotice>(`/api/me/notices/${id}`) });
export const useUnreadCount = () =>
  useQuery({ queryKey: noticeKeys.unread(), queryFn: () => apiGet<{ count: number }>('/api/me/notices/unread-count').then((r) => r.count) });

export const attachmentUrl = (noticeId: string, attachmentId: string) => `/api/notices/${noticeId}/attachments/${attachmentId}`;
export const pdfUrl = (noticeId: string) => `/api/notices/${noticeId}/pdf`;

/** Every staff write answers the notice as it now is. */
function useNoticeMutation<I>(fn: (input: I) => Promise<Notice>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (n) => {
      client.setQueryData(noticeKeys.one(n.id), n);
      return client.invalidateQueries({ queryKey: noticeKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}

export const useCreateNotice = () => useNoticeMutation((b: NoticeInput) => apiPost<Notice>('/api/notices', b));
export const useUpdateNotice = (id: string) => useNoticeMutation((b: UpdateNoticeBody) => apiPatch<Notice>(`/api/notices/${id}`, b));
export const usePublishNotice = () => useNoticeMutation((id: string) => apiPost<Notice>(`/api/notices/${id}/publish`));
export const useWithdrawNotice = (id: string) => useNoticeMutation((reason: string) => apiPost<Notice>(`/api/notices/${id}/withdraw`, { reason }));
export const uploadAttachment = (id: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<Notice>(`/api/notices/${id}/attachments`, form);
};
export const useUploadAttachment = (id: string) => useNoticeMutation((file: File) => uploadAttachment(id, file));
export const useRemoveAttachment = (id: string) =>
  useNoticeMutation((attachmentId: string) => apiDelete<Notice>(`/api/notices/${id}/attachments/${attachmentId}`, {}));

/** The resident's read receipt, sent when a notice is opened; refreshes the unread badges. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<{ read: boolean; firstRead: boolean }>(`/api/notices/${id}/read`),
    onSuccess: (r) => (r.firstRead ? client.invalidateQueries({ queryKey: noticeKeys.all, predicate: (q) => q.queryKey[1] !== 'mine-one' }) : undefined),
  });
}
