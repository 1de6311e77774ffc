import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { resetStaffPassword } from '#server/kernel/contract.ts';
import { apiGet, apiPost, type Jsonify, type Page, type Query } from '../../shared/api.ts';
import { ME_KEY } from '../../shared/query-client.ts';

/** 账号管理 and one's own password (server/kernel/auth/staff-accounts.ts, change-password.ts). */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
export interface StaffAccount {
  id: string;
  username: string | null;
  name: string;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  grants: { role: string; placeId: string; placeName: string; label: { 'zh-CN': string; en: string } }[];
  self: boolean;
}

export const useStaffAccounts = (q: Query) =>
  useQuery({ queryKey: ['staff-accounts', q], queryFn: () => apiGet<Page<StaffAccount>>('/api/auth/accounts', q), placeholderData: keepPreviousData });

export function useResetStaffPassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<Answer<typeof resetStaffPassword>>(`/api/auth/accounts/${id}/reset-password`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['staff-accounts'] }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { current: string; next: string }) => apiPost<{ ok: true }>('/api/auth/password', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}
