import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CANDIDATE_STATEMENT_MAX,
  NOMINATIONS,
  OWNER_NOMINATORS_MIN,
  VERDICT_NOTE_MAX,
  VERDICTS,
  VETTING_DEPARTMENT_KINDS,
  VETTING_REASONS,
} from '#server/modules/decisions/contract.ts';
import type { electionReport, ElectionResult as ServerElectionResult, getElection, listVettingDepartments, myCandidacies, vettingQueue } from '#server/modules/decisions/contract.ts';
import { HOME_KEY } from '../../../resident/home.ts';
import { apiGet, apiPatch, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';
import { decisionKeys } from '../api.ts';
import { myDecisionKeys } from '../h5/api.ts';

/**
 * Owners' committee elections (业委会选举) as the workbench and the H5 use them: the election's candidates and
 * their vetting by the street's departments, the ballot's candidates, the result with its tie and vacancies,
 * the departments, the reviewer's queue, the report, and the owner's own candidacy.
 */
export { NOMINATIONS };
export type Nomination = (typeof NOMINATIONS)[number];
export const CANDIDATE_STATUSES = ['nominated', 'vetting', 'returned', 'rejected', 'approved', 'withdrawn'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const DEPARTMENT_KINDS = VETTING_DEPARTMENT_KINDS;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export type Verdict = (typeof VERDICTS)[number];
/** The reason codes a verdict may carry; 'other' needs a note. */
export const REASON_CODES: Record<Verdict, readonly string[]> = VETTING_REASONS;
export type TieBreak = 'lots' | 'runoff';
export type Purpose = 'regular' | 'by_election' | 'runoff';
/** Owners who nominate a candidate jointly (联名提名): at least this many. */
export const MIN_NOMINATORS = OWNER_NOMINATORS_MIN;
export const STATEMENT_MAX = CANDIDATE_STATEMENT_MAX;
export const NOTE_MAX = VERDICT_NOTE_MAX;

export interface ReviewerCandidate {
  id: string;
  displayName: string;
  role: string;
  roleLabel?: string;
  placeName?: string;
}

export interface CreateElectionBody {
  compoundId: string;
  title: string;
  description?: string;
  organiserKind: 'owners_committee' | 'preparatory_group' | 'residents_committee';
  organiserAuthority: string;
  nominationUntil?: string;
  scrutineerIds?: string[];
}
export interface NominateBody {
  name: string;
  personId?: string;
  roomLabel: string;
  partyMember: boolean;
  nomination: Nomination;
  nominators?: { name: string; room: string }[];
  statement?: string;
}
export interface VerdictBody {
  departmentId: string;
  verdict: Verdict;
  reasonCode?: string;
  note?: string;
}
export interface DepartmentBody {
  streetId?: string;
  name: string;
  kind?: DepartmentKind;
  reviewerAccountIds: string[];
  active?: boolean;
  position?: number;
}

type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
/** An election as GET /api/decisions/:id/election answers it (types inferred from the server's use case). */
export type Election = Answer<typeof getElection>;
export type Candidate = Election['candidates'][number];
export type VerdictCell = Candidate['verdicts'][number];
export type ElectionResult = Jsonify<ServerElectionResult>;
export type ResultCandidate = ElectionResult['elected'][number];
export type Department = Answer<typeof listVettingDepartments>['items'][number];
export type QueueRow = Answer<typeof vettingQueue>['items'][number];
export type ElectionsReport = Answer<typeof electionReport>;
export type ReportCompound = ElectionsReport['compounds'][number];
export type MyCandidacy = Answer<typeof myCandidacies>['items'][number];

const base = (id: string) => `/api/decisions/${id}`;
export const electionKeys = {
  one: (id: string) => [...decisionKeys.one(id), 'election'] as const,
  departments: (streetId: string) => ['decisions', 'vetting', 'departments', streetId] as const,
  reviewers: (streetId: string, q: string) => ['decisions', 'vetting', 'reviewer-candidates', streetId, q] as const,
  queue: (q: Query) => ['decisions', 'vetting', 'queue', q] as const,
  report: (placeId: string) => ['decisions', 'elections', 'report', placeId] as const,
  mine: () => [...myDecisionKeys.all, 'candidacies'] as const,
};

export const useElection = (id: string, enabled = true) => useQuery({ queryKey: electionKeys.one(id), queryFn: () => apiGet<Election>(`${base(id)}/election`), enabled });
export const useDepartments = (streetId: string | undefined) =>
  useQuery({ queryKey: electionKeys.departments(streetId ?? ''), queryFn: () => apiGet<{ items: Department[] }>('/api/decisions/vetting/departments', { streetId }), enabled: !!streetId });
export const useReviewerCandidates = (streetId: string | undefined, q: string) =>
  useQuery({
    queryKey: electionKeys.reviewers(streetId ?? '', q),
    queryFn: () => apiGet<{ items: ReviewerCandidate[] }>('/api/decisions/vetting/reviewer-candidates', { streetId, q: q || undefined }),
    enabled: !!streetId,
    placeholderData: keepPreviousData,
  });
/** A candidate waits once per department I review for: each row keyed by both. */
export type QueueEntry = QueueRow & { key: string };
export const useVettingQueue = (q: Query) =>
  useQuery({
    queryKey: electionKeys.queue(q),
    queryFn: async (): Promise<Page<QueueEntry>> => {
      const page = await apiGet<Page<QueueRow>>('/api/decisions/vetting/queue', q);
      return { ...page, items: page.items.map((r) => ({ ...r, key: `${r.candidateId}:${r.departmentId}` })) };
    },
    placeholderData: keepPreviousData,
  });
export const useElectionsReport = (placeId: string | undefined) =>
  useQuery({ queryKey: electionKeys.report(placeId ?? ''), queryFn: () => apiGet<ElectionsReport>('/api/decisions/elections/report', { placeId }) });
export const reportXlsxUrl = (placeId: string | undefined) => `/api/decisions/elections/report.xlsx${placeId ? `?placeId=${encodeURIComponent(placeId)}` : ''}`;

/** Every election write may move the decision, its items, the lists, the queue and the report: refresh the module's reads. */
function useElectionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: decisionKeys.all }) });
}

export const useCreateElection = () => useElectionMutation((body: CreateElectionBody) => apiPost<{ id: string }>('/api/decisions/elections', body));
export const useNominate = (id: string) => useElectionMutation((body: NominateBody) => apiPost<{ id: string }>(`${base(id)}/candidates`, body));
export const useRecordConsent = (id: string) =>
  useElectionMutation(({ candidateId, note }: { candidateId: string; note?: string }) => apiPost<unknown>(`${base(id)}/candidates/${candidateId}/consent`, note ? { note } : {}));
export const useGiveVerdict = (id: string) =>
  useElectionMutation(({ candidateId, ...body }: VerdictBody & { candidateId: string }) => apiPost<unknown>(`${base(id)}/candidates/${candidateId}/verdicts`, body));
export const useCorrectCandidate = (id: string) =>
  useElectionMutation(({ candidateId, ...body }: { candidateId: string; statement?: string; roomLabel?: string; partyMember?: boolean; note: string }) =>
    apiPost<unknown>(`${base(id)}/candidates/${candidateId}/correct`, body),
  );
export const useWithdrawCandidate = (id: string) =>
  useElectionMutation(({ candidateId, reason }: { candidateId: string; reason: string }) => apiPost<unknown>(`${base(id)}/candidates/${candidateId}/withdraw`, { reason }));
export const usePlaceOnBallot = (id: string) => useElectionMutation(() => apiPost<unknown>(`${base(id)}/candidates/ballot`, {}));
export const useDrawLots = (id: string) =>
  useElectionMutation((body: { order: number[]; witnesses: string; note?: string }) => apiPost<unknown>(`${base(id)}/lots`, body));
export const useStartRunoff = (id: string) => useElectionMutation(() => apiPost<{ id: string }>(`${base(id)}/runoff`, {}));
export const useStartByElection = (id: string) => useElectionMutation(() => apiPost<{ id: string }>(`${base(id)}/by-election`, {}));
/** A verdict from the reviewer's queue, where the election is a row's, not the page's. */
export const useQueueVerdict = () =>
  useElectionMutation(({ decisionId, candidateId, ...body }: VerdictBody & { decisionId: string; candidateId: string }) =>
    apiPost<unknown>(`${base(decisionId)}/candidates/${candidateId}/verdicts`, body),
  );
export const useCreateDepartment = () => useElectionMutation((body: DepartmentBody) => apiPost<{ id: string }>('/api/decisions/vetting/departments', body));
export const useUpdateDepartment = () =>
  useElectionMutation(({ id, ...body }: Partial<DepartmentBody> & { id: string }) => apiPatch<unknown>(`/api/decisions/vetting/departments/${id}`, body));

// ——— the owner's side (H5) ———

export const useMyCandidacies = () => useQuery({ queryKey: electionKeys.mine(), queryFn: () => apiGet<{ items: MyCandidacy[] }>('/api/me/candidacies') });

function useOwnerMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: myDecisionKeys.all });
      void client.invalidateQueries({ queryKey: HOME_KEY });
    },
  });
}
export const useStandForElection = (id: string) =>
  useOwnerMutation((body: { roomLabel?: string; statement: string; partyMember: boolean; consent: true }) => apiPost<{ id: string }>(`/api/me/decisions/${id}/candidacy`, body));
export const useCorrectMyCandidacy = () =>
  useOwnerMutation(({ candidateId, ...body }: { candidateId: string; statement: string; note: string }) => apiPost<unknown>(`/api/me/candidacies/${candidateId}/correct`, body));

/** Nominations are open while the election is a draft or its roll is published and the deadline (a Shanghai date) has not passed. */
export const nominationsOpen = (status: string, nominationUntil: string | null, today: string): boolean =>
  (status === 'draft' || status === 'roll_published') && (!nominationUntil || nominationUntil >= today);
