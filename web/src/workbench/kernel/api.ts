import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, type Page, type Query } from '../../shared/api.ts';

/** Shapes of the kernel's approval and audit routes (server/kernel/approvals, server/kernel/audit). */
export interface Approval {
  id: string;
  kind: string;
  placeId: string;
  placeName: string | null;
  placeLabel: string | null;
  summary: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  requestedBy: string | null;
  requestedById: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  placeId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  detail: unknown;
  requestId: string | null;
  hash: string;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  problems: { seq: number; kind: 'edited' | 'deleted' | 'inserted'; message: string }[];
}

export const useApprovals = (q: Query) =>
  useQuery({ queryKey: ['approvals', q], queryFn: () => apiGet<Page<Approval>>('/api/approvals', q), placeholderData: keepPreviousData });

export function useDecideApproval() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'approve' | 'reject'; note?: string }) =>
      apiPost<{ id: string; status: string }>(`/api/approvals/${id}/${decision}`, note ? { note } : {}),
    // An approval applies a registry change: everything cached may be stale.
    onSuccess: () => client.invalidateQueries(),
  });
}

export const useAudit = (q: Query) =>
  useQuery({ queryKey: ['audit', q], queryFn: () => apiGet<Page<AuditEntry>>('/api/audit', q), placeholderData: keepPreviousData });

export const useAuditVerify = () =>
  useQuery({ queryKey: ['audit', 'verify'], queryFn: () => apiGet<ChainReport>('/api/audit/verify'), staleTime: 0 });
