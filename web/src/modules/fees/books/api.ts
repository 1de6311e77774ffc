import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BookAccountBody,
  BookLineBody,
  getBookAccount,
  getBookStatement,
  getMyBookLine,
  getMyBookStatement,
  listBookStatements,
  listMyBookStatements,
} from '#server/modules/fees/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The books part's API (信托制 open books). */
export type StatementRow = Jsonify<Awaited<ReturnType<typeof listBookStatements>>>['items'][number];
export type Statement = Jsonify<Awaited<ReturnType<typeof getBookStatement>>>;
export type StatementLine = Statement['lines'][number];
export type BookAccount = Jsonify<Awaited<ReturnType<typeof getBookAccount>>>;
export type MyStatementRow = Jsonify<Awaited<ReturnType<typeof listMyBookStatements>>>['items'][number];
export type MyStatement = Jsonify<Awaited<ReturnType<typeof getMyBookStatement>>>;
export type MyLine = MyStatement['lines'][number];
export type MyBookLine = Jsonify<Awaited<ReturnType<typeof getMyBookLine>>>;

const K = ['feesBooks'] as const;

export const useStatements = (q: Query) =>
  useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<StatementRow>>('/api/fees/books/statements', q), placeholderData: keepPreviousData });
export const useStatement = (id: string) => useQuery({ queryKey: [...K, 'statement', id], queryFn: () => apiGet<Statement>(`/api/fees/books/statements/${id}`) });
export const useBookAccount = (compoundId: string | undefined) =>
  useQuery({ queryKey: [...K, 'account', compoundId], queryFn: () => apiGet<BookAccount>(`/api/fees/books/accounts/${compoundId}`), enabled: !!compoundId });
export const useMyStatements = (q: Query) =>
  useQuery({ queryKey: [...K, 'mine', q], queryFn: () => apiGet<Page<MyStatementRow>>('/api/me/fees/books', q), placeholderData: keepPreviousData });
export const useMyStatement = (id: string) => useQuery({ queryKey: [...K, 'mine', id], queryFn: () => apiGet<MyStatement>(`/api/me/fees/books/${id}`) });
export const useMyBookLine = (id: string) => useQuery({ queryKey: [...K, 'mine', 'line', id], queryFn: () => apiGet<MyBookLine>(`/api/me/fees/books/lines/${id}`) });

function useBooksMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useSetAccount = () => useBooksMutation((v: BookAccountBody & { compoundId: string }) => {
  const { compoundId, ...body } = v;
  return apiPut(`/api/fees/books/accounts/${compoundId}`, body);
});
export const useCreateStatement = () => useBooksMutation((v: { compoundId: string; month: string }) => apiPost<{ id: string }>('/api/fees/books/statements', v));
export const useRefresh = () => useBooksMutation((id: string) => apiPost<{ changed: boolean; confirmationsCleared: boolean }>(`/api/fees/books/statements/${id}/refresh`));
export const useAddLine = () => useBooksMutation((v: BookLineBody & { statementId: string }) => {
  const { statementId, ...body } = v;
  return apiPost<{ id: string }>(`/api/fees/books/statements/${statementId}/lines`, body);
});
export const useUpdateLine = () => useBooksMutation((v: BookLineBody & { lineId: string }) => {
  const { lineId, ...body } = v;
  return apiPatch(`/api/fees/books/lines/${lineId}`, body);
});
export const useRemoveLine = () => useBooksMutation((lineId: string) => apiDelete(`/api/fees/books/lines/${lineId}`, undefined));
export const useUploadVoucher = () =>
  useBooksMutation((v: { lineId: string; file: File; masked: boolean }) => {
    const form = new FormData();
    form.append('masked', String(v.masked));
    form.append('file', v.file, v.file.name);
    return apiUpload(`/api/fees/books/lines/${v.lineId}/vouchers`, form);
  });
export const useRemoveVoucher = () => useBooksMutation((id: string) => apiDelete(`/api/fees/books/vouchers/${id}`, undefined));
export const useConfirm = () => useBooksMutation((v: { id: string; side: 'committee' | 'company' }) => apiPost(`/api/fees/books/statements/${v.id}/confirm`, { side: v.side }));
export const usePublish = () => useBooksMutation((id: string) => apiPost(`/api/fees/books/statements/${id}/publish`));
export const useAskQuestion = () => useBooksMutation((v: { lineId: string; body: string }) => apiPost<{ opinionId: string }>(`/api/me/fees/books/lines/${v.lineId}/questions`, { body: v.body }));

/** Yuan with two decimals and thousands separators from integer fen. */
export const yuan = (fen: number) => {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
};
/** Yuan text (as typed in a form) to integer fen, without floating point. */
export const toFen = (text: string | number) => {
  const [whole = '0', frac = ''] = String(text).trim().split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
};
