import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut, type Page, type Query } from '../../../shared/api.ts';

/** The activities part's API (志愿活动). The answers' shapes, as JSON (the server's use cases: activities-*.ts). */
export type ActivityStatus = 'published' | 'cancelled' | 'finished';
export const ACTIVITY_STATUSES: ActivityStatus[] = ['published', 'cancelled', 'finished'];
export type CheckMode = 'in' | 'out';

export interface ActivityListRow {
  id: string;
  placeId: string;
  placeName: string;
  title: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signedUp: number;
  pointsPerHour: number;
  status: ActivityStatus;
}
export interface Signup {
  id: string;
  volunteerId: string;
  personName: string;
  status: 'signed_up' | 'cancelled';
  signedInAt: string | null;
  signedInVia: 'code' | 'staff' | null;
  signedOutAt: string | null;
  signedOutVia: 'code' | 'staff' | null;
  minutes: number | null;
  points: number | null;
  confirmedAt: string | null;
  createdAt: string;
}
export interface ActivityView extends Omit<ActivityListRow, never> {
  description: string;
  skills: string[];
  cancelReason: string | null;
  canManage: boolean;
  signups: Signup[];
  counts: { signedUp: number; signedIn: number; signedOut: number; confirmed: number; toConfirm: number };
}
export interface ActivityBody {
  placeId: string;
  title: string;
  description: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  pointsPerHour: number;
  skills: string[];
}
export interface CodeView {
  activityId: string;
  title: string;
  mode: CheckMode;
  code: string;
  refreshAt: string;
  windowSeconds: number;
}
export interface OpenActivity {
  id: string;
  placeName: string;
  title: string;
  description: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signedUp: number;
  pointsPerHour: number;
  skills: string[];
  status: ActivityStatus;
  cancelReason: string | null;
  mine: { signedInAt: string | null; signedOutAt: string | null; minutes: number | null; points: number | null; confirmedAt: string | null } | null;
}
export interface CheckInAnswer {
  activityId: string;
  title: string;
  mode: CheckMode;
  at: string;
  minutes: number | null;
  already: boolean;
}

const K = ['volActivities'] as const;
const T = '/api/volunteers/activities';
const M = '/api/me/volunteers/activities';

export const useActivities = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<ActivityListRow>>(T, q), placeholderData: keepPreviousData });
export const useActivity = (id: string) => useQuery({ queryKey: [...K, 'one', id], queryFn: () => apiGet<ActivityView>(`${T}/${id}`) });
/** The current code; refetched when its window ends (and every few seconds as a safety net). */
export const useCode = (id: string, mode: CheckMode) =>
  useQuery({
    queryKey: [...K, 'code', id, mode],
    queryFn: () => apiGet<CodeView>(`${T}/${id}/code`, { mode }),
    refetchInterval: (q) => {
      const at = q.state.data ? new Date(q.state.data.refreshAt).getTime() - Date.now() : 5000;
      return Math.min(Math.max(at + 300, 1000), 10_000);
    },
    refetchIntervalInBackground: true,
  });
export const useOpenActivities = () => useQuery({ queryKey: [...K, 'open'], queryFn: () => apiGet<OpenActivity[]>(M) });
export const useResidentActivity = (id: string) => useQuery({ queryKey: [...K, 'resident', id], queryFn: () => apiGet<OpenActivity>(`${M}/${id}`) });
export const useMyActivities = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<{ items: OpenActivity[]; confirmedMinutes: number; confirmedPoints: number }>(`${M}/mine`) });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const usePublish = () => useWrite((b: ActivityBody) => apiPost<{ id: string; notified: number }>(T, b));
export const useCancel = (id: string) => useWrite((reason: string) => apiPost<{ id: string }>(`${T}/${id}/cancel`, { reason }));
export const useConfirm = (id: string) =>
  useWrite((signupIds: string[] | undefined) => apiPost<{ confirmed: { signupId: string; minutes: number; points: number }[] }>(`${T}/${id}/confirm`, signupIds ? { signupIds } : {}));
export const useRecord = (id: string) =>
  useWrite(({ signupId, ...b }: { signupId: string; signedInAt?: string; signedOutAt: string }) => apiPut<{ minutes: number }>(`${T}/${id}/signups/${signupId}/attendance`, b));
export const useSignUp = (id: string) => useWrite(() => apiPost<{ signedUp: number }>(`${M}/${id}/sign-up`, {}));
export const useCancelSignUp = (id: string) => useWrite(() => apiPost<{ status: string }>(`${M}/${id}/cancel-sign-up`, {}));
export const useCheckIn = () => useWrite((code: string) => apiPost<CheckInAnswer>(`${M}/check-in`, { code }));

export const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export { downloadFrom as download } from '../../../shared/download.ts';
