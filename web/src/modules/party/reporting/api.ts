import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost, type Page, type Query } from '../../../shared/api.ts';

export { downloadFrom as download } from '../../../shared/download.ts';

/** The reporting part's API (双报到, projects, claims, service): the answers' shapes, as the server's use cases give them. */
export type ReportStatus = 'pending' | 'confirmed' | 'rejected' | 'withdrawn';

export interface ReportingContext {
  organisations: { id: string; name: string; streetId: string }[];
  communities: { id: string; name: string; streetId: string; manages: boolean }[];
  canSubmit: boolean;
  canManage: boolean;
}
export interface OrgReport {
  id: string;
  organisationId: string;
  organisationName: string;
  communityId: string;
  communityName: string;
  status: ReportStatus;
  contactName: string;
  contactPhone: string;
  note: string;
  reportedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
  claimedThisYear: boolean;
}
export interface MemberReport {
  id: string;
  memberId: string;
  memberName: string;
  communityId: string;
  communityName: string;
  status: ReportStatus;
  skills: string;
  note: string;
  reportedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}
export interface ProjectRow {
  id: string;
  communityId: string;
  communityName: string;
  placeId: string;
  placeName: string;
  title: string;
  description: string;
  status: 'open' | 'closed';
  createdAt: string;
  posts: number;
  slots: number;
  memberClaims: number;
  orgClaims: number;
  claimedByMine: boolean;
}
export interface PostRow {
  id: string;
  title: string;
  description: string;
  slots: number;
  pointsPerHour: number;
  status: 'open' | 'closed';
  claimed: number;
}
export interface ProjectDetail extends Omit<ProjectRow, 'posts' | 'slots' | 'memberClaims' | 'orgClaims' | 'claimedByMine'> {
  year: number;
  canManage: boolean;
  posts: PostRow[];
  orgClaims: { id: string; organisationId: string; organisationName: string | null; year: number; claimedAt: string }[];
  memberClaims: { id: string; memberId: string; memberName: string; postId: string | null; postTitle: string | null; claimedAt: string }[];
}
export interface OrgClaim {
  id: string;
  organisationName: string;
  projectId: string;
  projectTitle: string;
  communityName: string;
  year: number;
  claimedAt: string;
}
export interface MemberClaim {
  id: string;
  memberId: string;
  memberName: string;
  projectId: string;
  projectTitle: string;
  postTitle: string | null;
  pointsPerHour: number | null;
  communityName: string;
  year: number;
  status: 'active' | 'withdrawn';
  claimedAt: string;
  minutes: number;
  points: number;
}
export interface ServiceRow {
  id: string;
  memberId: string;
  memberName: string;
  claimId: string;
  projectTitle: string;
  postTitle: string | null;
  communityName: string;
  servedOn: string;
  minutes: number;
  points: number;
  note: string;
  recordedAt: string;
}
export interface MyReporting {
  member: { id: string; name: string; membership: 'local' | 'employed' } | null;
  canReport: boolean;
  communities: { id: string; name: string }[];
  reports: { id: string; communityId: string; communityName: string; status: ReportStatus; skills: string; note: string; reportedAt: string; decidedAt: string | null; decisionNote: string | null }[];
}
export interface MyProjects {
  confirmed: boolean;
  communityName: string | null;
  year: number;
  projects: { id: string; title: string; description: string; placeName: string; posts: (Omit<PostRow, 'status'> & { myClaimId: string | null })[] }[];
}
export interface MyService {
  year: number;
  claims: { id: string; projectTitle: string; postTitle: string | null; pointsPerHour: number | null; status: 'active' | 'withdrawn'; claimedAt: string; year: number }[];
  records: { id: string; servedOn: string; minutes: number; points: number; note: string; projectTitle: string; postTitle: string | null }[];
  totals: { year: number; minutes: number; points: number; posts: string[] }[];
}

const K = ['partyReporting'] as const;
const base = '/api/party';
const list = <T,>(name: string, path: string) => (q: Query) =>
  useQuery({ queryKey: [...K, name, q], queryFn: () => apiGet<Page<T>>(`${base}/${path}`, q), placeholderData: keepPreviousData });

export const useReportingContext = () => useQuery({ queryKey: [...K, 'context'], queryFn: () => apiGet<ReportingContext>(`${base}/reporting/context`) });
export const useOrgReports = list<OrgReport>('orgReports', 'org-reports');
export const useMemberReports = list<MemberReport>('memberReports', 'member-reports');
export const useProjects = list<ProjectRow>('projects', 'projects');
export const useOrgClaims = list<OrgClaim>('orgClaims', 'org-claims');
export const useMemberClaims = list<MemberClaim>('memberClaims', 'member-claims');
export const useServices = (q: Query) =>
  useQuery({ queryKey: [...K, 'services', q], queryFn: () => apiGet<Page<ServiceRow> & { minutes: number; points: number }>(`${base}/services`, q), placeholderData: keepPreviousData });
export const useProject = (id: string | undefined) => useQuery({ queryKey: [...K, 'project', id], queryFn: () => apiGet<ProjectDetail>(`${base}/projects/${id}`), enabled: !!id });
export const useMyReporting = () => useQuery({ queryKey: [...K, 'me', 'reporting'], queryFn: () => apiGet<MyReporting>(`${base}/me/reporting`) });
export const useMyProjects = () => useQuery({ queryKey: [...K, 'me', 'projects'], queryFn: () => apiGet<MyProjects>(`${base}/me/projects`) });
export const useMyService = (year?: number) => useQuery({ queryKey: [...K, 'me', 'service', year], queryFn: () => apiGet<MyService>(`${base}/me/service`, { year }) });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useSubmitOrgReport = () =>
  useWrite((b: { organisationId: string; communityId: string; contactName: string; contactPhone: string; note?: string }) => apiPost<{ id: string }>(`${base}/org-reports`, b));
export const useWithdrawOrgReport = () => useWrite((id: string) => apiPost(`${base}/org-reports/${id}/withdraw`));
export const useDecide = () =>
  useWrite((b: { kind: 'org' | 'member'; id: string; decision: 'confirm' | 'reject'; reason?: string }) =>
    apiPost(`${base}/${b.kind === 'org' ? 'org-reports' : 'member-reports'}/${b.id}/decision`, { decision: b.decision, reason: b.reason }),
  );
export interface PostInput {
  title: string;
  description?: string;
  slots: number;
  pointsPerHour: number;
}
export const useCreateProject = () =>
  useWrite((b: { communityId: string; placeId?: string; title: string; description?: string; posts?: PostInput[] }) => apiPost<{ id: string }>(`${base}/projects`, b));
export const useUpdateProject = () => useWrite((b: { id: string; title: string; description?: string; placeId?: string }) => apiPatch(`${base}/projects/${b.id}`, { title: b.title, description: b.description, placeId: b.placeId }));
export const useCloseProject = () => useWrite((id: string) => apiPost(`${base}/projects/${id}/close`));
export const useAddPost = () => useWrite((b: PostInput & { projectId: string }) => apiPost(`${base}/projects/${b.projectId}/posts`, { title: b.title, description: b.description, slots: b.slots, pointsPerHour: b.pointsPerHour }));
export const useUpdatePost = () =>
  useWrite((b: PostInput & { id: string; status?: 'open' | 'closed' }) =>
    apiPatch(`${base}/posts/${b.id}`, { title: b.title, description: b.description, slots: b.slots, pointsPerHour: b.pointsPerHour, status: b.status }),
  );
export const useClaimProject = () => useWrite((b: { projectId: string; organisationId: string }) => apiPost(`${base}/projects/${b.projectId}/org-claims`, { organisationId: b.organisationId }));
export const useRecordService = () => useWrite((b: { claimId: string; servedOn: string; minutes: number; note?: string }) => apiPost<{ id: string; points: number }>(`${base}/services`, b));
export const useDeleteService = () => useWrite((b: { id: string; reason: string }) => apiPost(`${base}/services/${b.id}/delete`, { reason: b.reason }));
export const useSubmitMemberReport = () => useWrite((b: { communityId?: string; skills: string; note?: string }) => apiPost(`${base}/me/reports`, b));
export const useWithdrawMemberReport = () => useWrite((id: string) => apiPost(`${base}/me/reports/${id}/withdraw`));
export const useClaimPost = () => useWrite((postId: string) => apiPost(`${base}/me/claims`, { postId }));
export const useWithdrawClaim = () => useWrite((id: string) => apiPost(`${base}/me/claims/${id}/withdraw`));
