import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CardListRow, CompoundRoom, MyPass as MyPassView, MyRoom, MyVehicle as MyVehicleView, PassListRow, VehicleListRow, VisitorsCompound } from '#server/modules/devices/contract.ts';
import { apiDelete, apiGet, apiPost, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The visitors part's API (车辆审核, 门禁卡, 访客通行证; 我的车辆, 访客通行); shapes from the server's use cases (type-only). */
export type VehicleRow = Jsonify<VehicleListRow>;
export type CardRow = Jsonify<CardListRow>;
export type PassRow = Jsonify<PassListRow>;
export type MyVehicle = Jsonify<MyVehicleView>;
export type MyPass = Jsonify<MyPassView>;
export type { CompoundRoom, MyRoom, VisitorsCompound };

const K = ['devices', 'visitors'] as const;
export const D = '/api/devices';
const ME = '/api/me/devices';

export const useVehicles = (q: Query) => useQuery({ queryKey: [...K, 'vehicles', q], queryFn: () => apiGet<Page<VehicleRow>>(`${D}/vehicles`, q), placeholderData: keepPreviousData });
export const useCards = (q: Query) => useQuery({ queryKey: [...K, 'cards', q], queryFn: () => apiGet<Page<CardRow>>(`${D}/cards`, q), placeholderData: keepPreviousData });
export const usePasses = (q: Query) => useQuery({ queryKey: [...K, 'passes', q], queryFn: () => apiGet<Page<PassRow>>(`${D}/passes`, q), placeholderData: keepPreviousData });
export const useCompounds = () => useQuery({ queryKey: [...K, 'compounds'], queryFn: () => apiGet<VisitorsCompound[]>(`${D}/visitors/compounds`) });
export const fetchRooms = (compoundId: string, q: string) => apiGet<CompoundRoom[]>(`${D}/visitors/compounds/${compoundId}/rooms`, q ? { q } : {});

export const useMyRooms = () => useQuery({ queryKey: [...K, 'my-rooms'], queryFn: () => apiGet<MyRoom[]>(`${ME}/rooms`) });
export const useMyVehicles = () => useQuery({ queryKey: [...K, 'my-vehicles'], queryFn: () => apiGet<{ rooms: MyRoom[]; items: MyVehicle[] }>(`${ME}/vehicles`) });
export const useMyPasses = (q: Query) => useQuery({ queryKey: [...K, 'my-passes', q], queryFn: () => apiGet<Page<MyPass>>(`${ME}/passes`, q), placeholderData: keepPreviousData });
export const useMyPass = (id: string) => useQuery({ queryKey: [...K, 'my-pass', id], queryFn: () => apiGet<MyPass>(`${ME}/passes/${id}`) });

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useReview = () => useWrite(({ id, ...b }: { id: string; decision: 'approve' | 'reject'; note: string }) => apiPost<{ id: string }>(`${D}/vehicles/${id}/review`, b));
export const useIssueCard = () => useWrite(({ compoundId, ...b }: { compoundId: string; roomId: string; cardNo: string; holderName: string }) => apiPost<{ id: string }>(`${D}/visitors/compounds/${compoundId}/cards`, b));
export const useRevokeCard = () => useWrite((id: string) => apiPost<{ id: string }>(`${D}/cards/${id}/revoke`, {}));
export const useAddVehicle = () => useWrite((b: { roomId: string; plate: string; kind: string; note: string }) => apiPost<{ id: string }>(`${ME}/vehicles`, b));
export const useRemoveVehicle = () => useWrite((id: string) => apiDelete<{ id: string }>(`${ME}/vehicles/${id}`, undefined));
export const useCreatePass = () => useWrite((b: object) => apiPost<{ id: string; code: string }>(`${ME}/passes`, b));
export const useCancelPass = () => useWrite((id: string) => apiPost<{ id: string }>(`${ME}/passes/${id}/cancel`, {}));

export { downloadFrom as download } from '../../../shared/download.ts';
