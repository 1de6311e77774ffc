import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MySocial, OrgListRow, RoundDetail, RoundListRow, SocialPlace } from '#server/modules/grid/contract.ts';
import { apiDelete, apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';
import { HOME_KEY } from '../../../resident/home.ts';

/** The social part's API (social organisations and 公益创投); the answers' shapes come from the server's use cases (type-only). */
export type Org = Jsonify<OrgListRow>;
export type Round = Jsonify<RoundListRow>;
export type RoundView = Jsonify<RoundDetail>;
export type Mine = Jsonify<MySocial>;
export type Place = SocialPlace;
export interface OrgBody {
  placeId: string;
  name: string;
  registration: string;
  field: string;
  foundedOn?: string | null;
  contactName: string;
  contactPhone: string;
  peopleCount: number;
  description: string;
}
export interface RoundBody {
  placeId: string;
  title: string;
  year: number;
  poolFen: number;
  capFen: number;
  opensOn: string;
  closesOn: string;
}
export interface ApplicationBody {
  orgId: string;
  title: string;
  field: string;
  summary: string;
  beneficiaries: string;
  budget: { item: string; amountFen: number }[];
}

const K = ['gridSocial'] as const;
const S = '/api/grid/social';

export const usePlaces = () => useQuery({ queryKey: [...K, 'places'], queryFn: () => apiGet<{ items: Place[] }>(`${S}/places`) });
export const useOrgs = (q: Query) => useQuery({ queryKey: [...K, 'orgs', q], queryFn: () => apiGet<Page<Org>>(`${S}/orgs`, q), placeholderData: keepPreviousData });
export const useRounds = (q: Query) => useQuery({ queryKey: [...K, 'rounds', q], queryFn: () => apiGet<Page<Round>>(`${S}/rounds`, q), placeholderData: keepPreviousData });
export const useRound = (id: string) => useQuery({ queryKey: [...K, 'round', id], queryFn: () => apiGet<RoundView>(`${S}/rounds/${id}`) });
export const useReviewerOptions = (id: string, enabled: boolean) =>
  useQuery({ queryKey: [...K, 'reviewer-options', id], queryFn: () => apiGet<{ id: string; name: string; username: string | null }[]>(`${S}/rounds/${id}/reviewer-options`), enabled });
export const useMine = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<Mine>('/api/me/grid/social') });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: K }), client.invalidateQueries({ queryKey: HOME_KEY })]),
  });
}
export const useSaveOrg = (id?: string) => useWrite((b: OrgBody) => (id ? apiPut<{ id: string }>(`${S}/orgs/${id}`, b) : apiPost<{ id: string }>(`${S}/orgs`, b)));
export const useDissolveOrg = () => useWrite(({ id, reason }: { id: string; reason: string }) => apiPost<{ id: string }>(`${S}/orgs/${id}/dissolve`, { reason }));
export const useCreateRound = () => useWrite((b: RoundBody) => apiPost<{ id: string }>(`${S}/rounds`, b));
export const useAdvance = (id: string) => useWrite((to: string) => apiPost<{ status: string }>(`${S}/rounds/${id}/advance`, { to }));
export const useAddApplication = (id: string) => useWrite((b: ApplicationBody) => apiPost<{ id: string }>(`${S}/rounds/${id}/applications`, b));
export const useAddReviewer = (id: string) => useWrite((b: { accountId: string; affiliationOrgId?: string | null }) => apiPost<{ accountId: string }>(`${S}/rounds/${id}/reviewers`, b));
export const useRemoveReviewer = (id: string) => useWrite((accountId: string) => apiDelete<{ accountId: string }>(`${S}/rounds/${id}/reviewers/${accountId}`, undefined));
export const useScore = () => useWrite(({ id, scores }: { id: string; scores: Record<string, number> }) => apiPut<{ total: number }>(`${S}/applications/${id}/scores`, { scores }));
export const usePropose = (id: string) => useWrite((lines: { applicationId: string; grantFen: number }[]) => apiPost<{ id: string }>(`${S}/rounds/${id}/funding`, { lines }));
export const useApprove = (id: string) => useWrite(() => apiPost<{ id: string }>(`${S}/rounds/${id}/funding/approve`));
export const useSetMilestones = () =>
  useWrite(({ id, milestones }: { id: string; milestones: { title: string; dueOn: string; trancheFen: number }[] }) => apiPut<{ milestones: number }>(`${S}/applications/${id}/milestones`, { milestones }));
export const useReport = () =>
  useWrite(({ milestoneId, note, labels, files }: { milestoneId: string; note: string; labels: string; files: File[] }) => {
    const form = new FormData();
    form.append('note', note);
    if (labels) form.append('labels', labels);
    files.forEach((f) => form.append('evidence', f, f.name));
    return apiUpload<{ id: string }>(`${S}/milestones/${milestoneId}/reports`, form);
  });
export const useDecideReport = () =>
  useWrite(({ id, accept, reason }: { id: string; accept: boolean; reason?: string }) => apiPost<{ id: string }>(`${S}/reports/${id}/${accept ? 'accept' : 'return'}`, accept ? {} : { reason }));
export const useEvaluate = () => useWrite(({ id, grade, note }: { id: string; grade: string; note: string }) => apiPost<{ id: string }>(`${S}/applications/${id}/evaluation`, { grade, note }));

/** 元 from fen: 150000 → 1,500.00. */
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Fen from a yuan input (a number in yuan, two decimals). */
export const fen = (y: number | string | null | undefined) => Math.round(Number(y ?? 0) * 100);

export { downloadFrom as download } from '../../../shared/download.ts';
