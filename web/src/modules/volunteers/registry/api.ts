import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VolunteerStatus } from '#server/modules/volunteers/contract.ts';
import { apiDelete, apiGet, apiPost, apiPut, type Page, type Query } from '../../../shared/api.ts';

/** The registry part's API (志愿者): the answers' shapes as JSON (the server's use cases: registry-*.ts, rewards-*.ts). */
export interface VolunteerRow {
  id: string;
  personName: string;
  phoneMasked: string;
  placeId: string;
  placeName: string;
  skills: string[];
  availability: string;
  status: VolunteerStatus;
  rejectReason: string | null;
  createdAt: string;
  reviewedAt: string | null;
  canManage: boolean;
  minutes: number;
  balance: number;
}
export interface MyRegistration {
  id: string;
  compoundId: string;
  compoundName: string;
  skills: string[];
  availability: string;
  status: VolunteerStatus;
  rejectReason: string | null;
  registeredAt: string;
  reviewedAt: string | null;
}
export interface CompoundShare {
  compoundId: string;
  compoundName: string;
  communityName: string | null;
  volunteers: number;
  residents: number;
  share: number | null;
}
export interface TeamRow {
  id: string;
  placeId: string;
  placeName: string;
  name: string;
  description: string;
  leaderVolunteerId: string | null;
  leaderName: string | null;
  members: number;
  createdAt: string;
  canManage: boolean;
}
export interface TeamMember {
  volunteerId: string;
  personName: string;
  phoneMasked: string;
  skills: string[];
  status: VolunteerStatus;
  addedAt: string;
}
export interface RewardRow {
  id: string;
  placeId: string;
  placeName: string;
  name: string;
  description: string;
  points: number;
  stock: number;
  active: boolean;
  createdAt: string;
  canManage: boolean;
}
export interface RedemptionRow {
  id: string;
  rewardName: string;
  placeName: string;
  personName: string;
  points: number;
  status: 'redeemed' | 'handed_over';
  createdAt: string;
  handedAt: string | null;
  canManage: boolean;
}
export interface LedgerLine {
  id: string;
  delta: number;
  minutes: number;
  balanceAfter: number;
  sourceKind: 'activity' | 'task' | 'redemption' | 'adjustment';
  note: string;
  placeName: string;
  createdAt: string;
}
export interface MyPoints {
  status: VolunteerStatus | null;
  balance: number;
  earned: number;
  minutes: number;
  hours: string;
  ledger: Page<LedgerLine>;
}
export interface MyRewards {
  communities: { communityName: string; balance: number; rewards: { id: string; placeId: string; placeName: string; name: string; description: string; points: number; stock: number; active: boolean }[] }[];
}

const K = ['volRegistry'] as const;
const V = '/api/volunteers/registry';

export const useVolunteers = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<VolunteerRow>>(V, q), placeholderData: keepPreviousData });
export const useShares = (placeId?: string) =>
  useQuery({ queryKey: [...K, 'share', placeId], queryFn: () => apiGet<{ target: number; compounds: CompoundShare[]; total: { volunteers: number; residents: number; share: number | null } }>(`${V}/share`, { placeId }) });
export const useTeams = (q: Query) => useQuery({ queryKey: [...K, 'teams', q], queryFn: () => apiGet<Page<TeamRow>>('/api/volunteers/teams', q), placeholderData: keepPreviousData });
export const useTeam = (id: string | null) =>
  useQuery({ queryKey: [...K, 'team', id], queryFn: () => apiGet<TeamRow & { members: TeamMember[] }>(`/api/volunteers/teams/${id}`), enabled: !!id });
export const useCandidates = (teamId: string | null, q?: string) =>
  useQuery({
    queryKey: [...K, 'candidates', teamId, q],
    queryFn: () => apiGet<{ id: string; personName: string; placeName: string; skills: string[] }[]>(`/api/volunteers/teams/${teamId}/candidates`, { q: q || undefined }),
    enabled: !!teamId,
  });
export const useRewards = (q: Query) => useQuery({ queryKey: [...K, 'rewards', q], queryFn: () => apiGet<Page<RewardRow>>('/api/volunteers/rewards', q), placeholderData: keepPreviousData });
export const useRedemptions = (q: Query) =>
  useQuery({ queryKey: [...K, 'redemptions', q], queryFn: () => apiGet<Page<RedemptionRow>>('/api/volunteers/redemptions', q), placeholderData: keepPreviousData });

export const useMyRegistration = () =>
  useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<{ name: string | null; compounds: { id: string; name: string }[]; skills: string[]; registrations: MyRegistration[] }>('/api/me/volunteers/registration') });
export const useMyPoints = (page: number) => useQuery({ queryKey: [...K, 'points', page], queryFn: () => apiGet<MyPoints>('/api/me/volunteers/points', { page, pageSize: 20 }), placeholderData: keepPreviousData });
export const useMyRewards = () => useQuery({ queryKey: [...K, 'myRewards'], queryFn: () => apiGet<MyRewards>('/api/me/volunteers/rewards') });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useRegister = () =>
  useWrite((b: { compoundId: string; skills: string[]; otherSkill?: string; availability: string; consent: true }) => apiPost<{ id: string; status: 'pending' }>('/api/me/volunteers/registration', b));
export const useReview = () =>
  useWrite(({ id, verb, reason }: { id: string; verb: 'approve' | 'reject' | 'suspend' | 'restore'; reason?: string }) => apiPost<{ id: string; status: VolunteerStatus }>(`${V}/${id}/${verb}`, verb === 'reject' ? { reason } : {}));
export const useSaveTeam = () =>
  useWrite(({ id, ...b }: { id?: string; placeId?: string; name: string; leaderVolunteerId: string | null; description: string }) =>
    id ? apiPut<{ id: string }>(`/api/volunteers/teams/${id}`, { name: b.name, leaderVolunteerId: b.leaderVolunteerId, description: b.description }) : apiPost<{ id: string }>('/api/volunteers/teams', b),
  );
export const useAddMember = (teamId: string) => useWrite((volunteerId: string) => apiPost(`/api/volunteers/teams/${teamId}/members`, { volunteerId }));
export const useRemoveMember = (teamId: string) => useWrite((volunteerId: string) => apiDelete(`/api/volunteers/teams/${teamId}/members/${volunteerId}`, undefined));
export const useSaveReward = () =>
  useWrite(({ id, placeId, ...b }: { id?: string; placeId?: string; name: string; description: string; points: number; stock: number; active: boolean }) =>
    id ? apiPut<{ id: string }>(`/api/volunteers/rewards/${id}`, b) : apiPost<{ id: string }>('/api/volunteers/rewards', { placeId, ...b }),
  );
export const useHandOver = () => useWrite((id: string) => apiPost(`/api/volunteers/redemptions/${id}/hand-over`));
export const useRedeem = () => useWrite((id: string) => apiPost<{ id: string; balance: number; rewardName: string; points: number }>(`/api/me/volunteers/rewards/${id}/redeem`));

export { downloadFrom as download } from '../../../shared/download.ts';
