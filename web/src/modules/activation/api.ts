import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApproveClaimBody, ClaimCodeBody, ClaimRoomBody, RejectClaimBody } from '#server/modules/activation/contract.ts';
import type { getActivationRates } from '#server/modules/activation/contract.ts';
import type { claimRoom, lookUpCode as lookUpCodeCase } from '#server/modules/activation/contract.ts';
import type { getMyActivation } from '#server/modules/activation/contract.ts';
import type { getSlipInfo, printSlips } from '#server/modules/activation/contract.ts';
import type { getRoomCode } from '#server/modules/activation/contract.ts';
import type { getClaimForReview, listClaimsForReview } from '#server/modules/activation/contract.ts';
import type { pickPlaces, searchRooms } from '#server/modules/activation/contract.ts';
import type { sendSignUpCode } from '#server/modules/activation/contract.ts';
import type { ResetPasswordBody, resetPasswordBySms, sendResetCode as sendResetCodeCase } from '#server/modules/activation/contract.ts';
import { apiGet, apiPost, type Jsonify, type Query, setCsrfToken } from '../../shared/api.ts';
import { ME_KEY } from '../../shared/query-client.ts';

/**
 * Activation's API as the web uses it. Response types are inferred from the server's use cases
 * (type-only imports, erased from the bundle).
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type Rates = Answer<typeof getActivationRates>;
export type RateRow = Rates['items'][number];
export type ClaimRow = Answer<typeof listClaimsForReview>['items'][number];
export type ClaimDetail = Answer<typeof getClaimForReview>;
export type ClaimResult = Answer<typeof claimRoom>;
export type MyActivation = Answer<typeof getMyActivation>;
export type PickedPlace = Answer<typeof pickPlaces>['items'][number];
export type RoomHit = Answer<typeof searchRooms>['items'][number];
export type SlipInfo = Answer<typeof getSlipInfo>;
export interface SandboxMessage {
  id: number;
  at: string;
  phone: string;
  text: string;
}

export const activationKeys = {
  all: ['activation'] as const,
  rates: (placeId: string | null) => ['activation', 'rates', placeId] as const,
  claims: (q: Query) => ['activation', 'claims', q] as const,
  claim: (id: string) => ['activation', 'claim', id] as const,
  mine: () => ['activation', 'me'] as const,
  inbox: (phone: string) => ['activation', 'inbox', phone] as const,
  places: (parentId: string | null, q: string) => ['activation', 'places', parentId, q] as const,
  rooms: (compoundId: string, q: string) => ['activation', 'rooms', compoundId, q] as const,
  roomCode: (roomId: string) => ['activation', 'room-code', roomId] as const,
  slips: (buildingId: string) => ['activation', 'slips', buildingId] as const,
};

// ——— sign-up and claims (resident H5) ———

export const sendCode = (phone: string) => apiPost<Answer<typeof sendSignUpCode>>('/api/activation/otp', { phone });

/** Forgot password: a reset code by SMS (the same answer whether the number has an account or not). */
export const sendResetCode = (phone: string) => apiPost<Answer<typeof sendResetCodeCase>>('/api/activation/password-reset/otp', { phone });

/** Forgot password: the new password with the code; every session of the account ends, and the resident signs in again. */
export function useResetPassword() {
  return useMutation({ mutationFn: (input: ResetPasswordBody) => apiPost<Answer<typeof resetPasswordBySms>>('/api/activation/password-reset', input) });
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { phone: string; code: string; password: string; privacy?: { version: string; sensitive: boolean } }) => {
      const res = await apiPost<{ csrfToken: string; accountId: string }>('/api/activation/signup', input);
      setCsrfToken(res.csrfToken);
      return res;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export const useMyActivation = () => useQuery({ queryKey: activationKeys.mine(), queryFn: () => apiGet<MyActivation>('/api/activation/me') });

export const usePickPlaces = (parentId: string | null, q = '', enabled = true) =>
  useQuery({
    queryKey: activationKeys.places(parentId, q),
    queryFn: () => apiGet<{ items: PickedPlace[] }>('/api/activation/places', { parentId, q }).then((r) => r.items),
    enabled,
    placeholderData: keepPreviousData,
  });

export const useRoomSearch = (compoundId: string | null, q: string) =>
  useQuery({
    queryKey: activationKeys.rooms(compoundId ?? '', q),
    queryFn: () => apiGet<{ items: RoomHit[] }>('/api/activation/rooms', { compoundId, q }).then((r) => r.items),
    enabled: !!compoundId && q.trim().length > 0,
  });

export const lookUpCode = (code: string) => apiGet<Answer<typeof lookUpCodeCase>>(`/api/activation/codes/${encodeURIComponent(code)}`);

/** Claims a room. The caller refreshes everything afterwards (activation changes my roles and my home). */
export function useClaim() {
  return useMutation({
    mutationFn: (input: ({ by: 'room' } & ClaimRoomBody) | ({ by: 'code' } & ClaimCodeBody)) => {
      const { by, ...body } = input;
      return apiPost<ClaimResult>(by === 'room' ? '/api/activation/claims' : '/api/activation/claims/by-code', body);
    },
  });
}

// ——— review queue, rates, slips, sandbox (workbench) ———

export const useClaims = (q: Query) =>
  useQuery({ queryKey: activationKeys.claims(q), queryFn: () => apiGet<Answer<typeof listClaimsForReview>>('/api/activation/claims', q), placeholderData: keepPreviousData });

export const useClaimDetail = (id: string | null) =>
  useQuery({ queryKey: activationKeys.claim(id ?? ''), queryFn: () => apiGet<ClaimDetail>(`/api/activation/claims/${id}`), enabled: !!id });

export function useDecideClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string } & (({ decision: 'approve' } & ApproveClaimBody) | ({ decision: 'reject' } & RejectClaimBody))) => {
      const { id, decision, ...body } = input;
      return apiPost<{ status: string }>(`/api/activation/claims/${id}/${decision}`, body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: activationKeys.all }),
  });
}

export const fetchRates = (placeId: string | null) => apiGet<Rates>('/api/activation/rates', { placeId });
export const useRates = (placeId: string | null) =>
  useQuery({ queryKey: activationKeys.rates(placeId), queryFn: () => fetchRates(placeId), placeholderData: keepPreviousData });

export const useSlipInfo = (buildingId: string) =>
  useQuery({ queryKey: activationKeys.slips(buildingId), queryFn: () => apiGet<SlipInfo>(`/api/activation/buildings/${buildingId}/slips`) });
export type RoomCode = Answer<typeof getRoomCode>;
export const useRoomCode = (roomId: string) => useQuery({ queryKey: activationKeys.roomCode(roomId), queryFn: () => apiGet<RoomCode>(`/api/activation/rooms/${roomId}/code`) });
export function useReissueCode(roomId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<RoomCode>(`/api/activation/rooms/${roomId}/code`),
    onSuccess: (code) => client.setQueryData(activationKeys.roomCode(roomId), code),
  });
}
export const startSlips = (buildingId: string) => apiPost<Answer<typeof printSlips>>(`/api/activation/buildings/${buildingId}/slips`);

export interface TaskView {
  id: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error: { code: string; message: string } | null;
}
export const fetchTask = (id: string) => apiGet<TaskView>(`/api/tasks/${id}`);

export const useSandbox = (phone: string) =>
  useQuery({
    queryKey: activationKeys.inbox(phone),
    queryFn: () => apiGet<{ items: SandboxMessage[] }>('/api/sms/sandbox', { phone: phone || undefined, limit: 100 }).then((r) => r.items),
    refetchInterval: 5000,
  });
