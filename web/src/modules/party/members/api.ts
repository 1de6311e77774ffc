import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  getMember,
  getMyMembership,
  MemberBody,
  MemberListRow,
  memberOrganisations,
  MemberPatch,
  readCoverage,
  readTree,
  searchMemberPersons,
} from '#server/modules/party/contract.ts';
import { apiGet, apiPatch, apiPost, apiPut, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The members part's API: answer types come from the server's use cases (type-only). */
export type MemberRow = Jsonify<MemberListRow>;
export type Member = Jsonify<Awaited<ReturnType<typeof getMember>>>;
export type MemberOrganisations = Jsonify<Awaited<ReturnType<typeof memberOrganisations>>>;
export type PersonPick = Jsonify<Awaited<ReturnType<typeof searchMemberPersons>>>[number];
export type Tree = Jsonify<Awaited<ReturnType<typeof readTree>>>;
export type TreeNode = Tree['roots'][number];
export type Coverage = Jsonify<Awaited<ReturnType<typeof readCoverage>>>;
export type MyMembership = Jsonify<Awaited<ReturnType<typeof getMyMembership>>>;

const K = ['partyMembers'] as const;
const T = '/api/party/members';

export const useMembers = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<MemberRow>>(T, q), placeholderData: keepPreviousData });
export const useMember = (id: string | null) => useQuery({ queryKey: [...K, 'one', id], queryFn: () => apiGet<Member>(`${T}/${id}`), enabled: !!id });
export const useMemberOrganisations = () => useQuery({ queryKey: [...K, 'organisations'], queryFn: () => apiGet<MemberOrganisations>(`${T}/organisations`) });
export const usePersonSearch = (q: string) =>
  useQuery({ queryKey: [...K, 'persons', q], queryFn: () => apiGet<PersonPick[]>(`${T}/persons`, { q }), enabled: q.trim().length > 0 });
export const useTree = () => useQuery({ queryKey: [...K, 'tree'], queryFn: () => apiGet<Tree>('/api/party/tree') });
export const useCoverage = (placeId: string | undefined) =>
  useQuery({ queryKey: [...K, 'coverage', placeId], queryFn: () => apiGet<Coverage>('/api/party/coverage', { placeId }), placeholderData: keepPreviousData });
export const useMyMembership = () => useQuery({ queryKey: [...K, 'me'], queryFn: () => apiGet<MyMembership>('/api/party/me'), retry: false });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useCreateMember = () => useWrite((b: MemberBody) => apiPost<{ id: string }>(T, b));
export const useUpdateMember = () => useWrite(({ id, ...b }: MemberPatch & { id: string }) => apiPatch<{ id: string }>(`${T}/${id}`, b));
export const useEndMember = () => useWrite(({ id, leftOn }: { id: string; leftOn?: string }) => apiPost<{ id: string }>(`${T}/${id}/end`, leftOn ? { leftOn } : {}));
export const useSetBadge = () => useWrite((b: { public: boolean }) => apiPut<{ badgePublic: boolean }>('/api/party/me/badge', b));
export const useLinkHost = () => useWrite(({ branchId, hostOrgId }: { branchId: string; hostOrgId: string | null }) => apiPut<unknown>(`/api/party/tree/${branchId}/host`, { hostOrgId }));

export { downloadFrom as download } from '../../../shared/download.ts';
