import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut, type Page, type Query } from '../../../shared/api.ts';

/** The activities part's API (党组织活动). The answers' shapes, as JSON (the server's use cases: activities-*.ts). */
export type ActivityKind = 'theme_day' | 'study' | 'org_life' | 'volunteer';
export const ACTIVITY_KINDS: ActivityKind[] = ['theme_day', 'study', 'org_life', 'volunteer'];
export interface ActivityListRow {
  id: string;
  branchName: string;
  communityName: string;
  kind: ActivityKind;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  status: 'scheduled' | 'cancelled';
  invited: number;
  present: number;
  excused: number;
}
export interface Attendee {
  id: string;
  memberId: string;
  personName: string;
  membership: 'local' | 'employed';
  status: 'invited' | 'present' | 'excused';
  via: 'code' | 'staff' | null;
  signedInAt: string | null;
  excuseReason: string | null;
}
export interface ActivityView {
  id: string;
  branchId: string;
  branchName: string;
  placeId: string;
  communityId: string;
  communityName: string;
  kind: ActivityKind;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  agenda: string;
  includeReported: boolean;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  canManage: boolean;
  signIn: { code: string; expiresAt: string } | null;
  attendees: Attendee[];
  counts: { invited: number; present: number; excused: number };
}
export interface Branch {
  id: string;
  name: string;
  communityName: string;
  isCommunityOrg: boolean;
}
export interface ActivityBody {
  branchId: string;
  kind: ActivityKind;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  agenda: string;
  includeReported: boolean;
}
export interface MemberAttendance {
  memberId: string;
  personName: string;
  membership: 'local' | 'employed';
  invited: number;
  present: number;
  excused: number;
}
export interface MyActivity {
  id: string;
  kind: ActivityKind;
  title: string;
  branchName: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  agenda: string;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  attendance: 'invited' | 'present' | 'excused';
  signedInAt: string | null;
}

const K = ['partyActivities'] as const;
const T = '/api/party/activities';

export const useActivities = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<ActivityListRow>>(T, q), placeholderData: keepPreviousData });
export const useActivity = (id: string) => useQuery({ queryKey: [...K, 'one', id], queryFn: () => apiGet<ActivityView>(`${T}/${id}`) });
export const useBranches = (enabled: boolean) => useQuery({ queryKey: [...K, 'branches'], queryFn: () => apiGet<Branch[]>(`${T}/branches`), enabled });
export const useMemberAttendance = (q: Query) =>
  useQuery({ queryKey: [...K, 'attendance', q], queryFn: () => apiGet<Page<MemberAttendance>>(`${T}/attendance`, q), placeholderData: keepPreviousData });
export const useMyActivities = () =>
  useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<{ upcoming: MyActivity[]; history: MyActivity[]; year: { invited: number; present: number } }>('/api/me/party/activities') });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useSchedule = () => useWrite((b: ActivityBody) => apiPost<{ id: string; invited: number; notified: number }>(T, b));
export const useCancel = (id: string) => useWrite((reason: string) => apiPost<{ id: string }>(`${T}/${id}/cancel`, { reason }));
export const useOpenSignIn = (id: string) => useWrite((minutes: number) => apiPost<{ code: string; expiresAt: string }>(`${T}/${id}/sign-in`, { minutes }));
export const useMark = (id: string) =>
  useWrite(({ attendeeId, ...b }: { attendeeId: string; status: 'present' | 'excused'; reason?: string }) => apiPut<{ attendeeId: string }>(`${T}/${id}/attendees/${attendeeId}`, b));
export const useSignIn = () => useWrite((code: string) => apiPost<{ activityId: string; title: string; signedInAt: string; already: boolean }>('/api/me/party/activities/sign-in', { code }));

export { downloadFrom as download } from '../../../shared/download.ts';
