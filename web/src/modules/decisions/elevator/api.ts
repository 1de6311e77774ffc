import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateElevatorBody, getElevator, stairwellRooms } from '#server/modules/decisions/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiUpload, type Jsonify } from '../../../shared/api.ts';
import { decisionKeys } from '../api.ts';

/** The elevator retrofit (加装电梯) as the workbench and the H5 use it. Every write refreshes the decision's reads. */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
export type Elevator = Answer<typeof getElevator>;
export type ElevatorShare = Elevator['shares'][number];
export type AffectedOwner = Elevator['affected'][number];
export type StairwellRoom = Answer<typeof stairwellRooms>['items'][number];
export type { CreateElevatorBody };

const base = (id: string) => `/api/decisions/${id}`;
export const sharesXlsxUrl = (id: string) => `${base(id)}/elevator/shares.xlsx`;
export const agreementFileUrl = (id: string, affectedId: string) => `${base(id)}/affected/${affectedId}/agreement/file`;
const elevatorKey = (id: string) => [...decisionKeys.one(id), 'elevator'] as const;

export const useElevator = (id: string, enabled = true) => useQuery({ queryKey: elevatorKey(id), queryFn: () => apiGet<Elevator>(`${base(id)}/elevator`), enabled });
export const useStairwellRooms = (unitId: string | undefined) =>
  useQuery({ queryKey: ['decisions', 'stairwell-rooms', unitId], queryFn: () => apiGet<Answer<typeof stairwellRooms>>('/api/decisions/elevators/rooms', { unitId }), enabled: !!unitId, retry: false });

function useElevatorMutation<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: decisionKeys.one(id) }) });
}

export function useCreateElevator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateElevatorBody) => apiPost<{ id: string }>('/api/decisions/elevators', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}
export const usePatchElevator = (id: string) =>
  useElevatorMutation(id, (body: { costFen?: number; byArea?: boolean; coefficients?: Record<string, number> }) => apiPatch<{ sumFen: number }>(`${base(id)}/elevator`, body));
export const useMarkAffected = (id: string) =>
  useElevatorMutation(id, (body: { roomId: string; impact: string[]; note?: string }) => apiPost<{ id: string }>(`${base(id)}/affected`, body));
export const useRemoveAffected = (id: string) => useElevatorMutation(id, (affectedId: string) => apiDelete<{ id: string }>(`${base(id)}/affected/${affectedId}`, undefined));
export const useRecordObjection = (id: string) =>
  useElevatorMutation(id, ({ affectedId, text }: { affectedId: string; text: string }) => apiPost<{ ids: string[] }>(`${base(id)}/affected/${affectedId}/objection`, { text }));
export const useRecordAgreement = (id: string) =>
  useElevatorMutation(id, ({ affectedId, form }: { affectedId: string; form: FormData }) => apiUpload<{ id: string }>(`${base(id)}/affected/${affectedId}/agreement`, form));

/** H5: an affected owner's objection (compensation rule). */
export function useMyAffectedObjection(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => apiPost<{ ids: string[] }>(`/api/me/decisions/${id}/affected-objection`, { text }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['decisions', 'me'] }),
  });
}
