import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeviceKeyAnswer, DeviceRow as DeviceRowView, MovementRow as MovementRowView, RetentionSetting as RetentionView } from '#server/modules/devices/contract.ts';
import { apiGet, apiPost, apiPut, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The gates part's API (设备管理, 通行记录); the answers' shapes come from the server's use cases (type-only). */
export type DeviceRow = Jsonify<DeviceRowView>;
export type MovementRow = Jsonify<MovementRowView>;
export type Retention = Jsonify<RetentionView>;
export type DeviceKey = DeviceKeyAnswer;
export interface Compound {
  id: string;
  name: string;
  canManage?: boolean;
}

const K = ['devices', 'gates'] as const;
export const D = '/api/devices';

export const useDevices = (q: Query) => useQuery({ queryKey: [...K, 'devices', q], queryFn: () => apiGet<Page<DeviceRow>>(`${D}/devices`, q), placeholderData: keepPreviousData, refetchInterval: 30_000 });
export const useDeviceCompounds = () => useQuery({ queryKey: [...K, 'compounds'], queryFn: () => apiGet<Compound[]>(`${D}/compounds`) });
/** Every read of the records is audited on the server: no polling, no refetch on focus. */
export const useMovements = (q: Query) =>
  useQuery({ queryKey: [...K, 'movements', q], queryFn: () => apiGet<Page<MovementRow>>(`${D}/movements`, q), placeholderData: keepPreviousData, refetchOnWindowFocus: false, staleTime: 60_000 });
export const useMovementPlaces = () => useQuery({ queryKey: [...K, 'movement-places'], queryFn: () => apiGet<Compound[]>(`${D}/movements/places`) });
export const useRetention = () => useQuery({ queryKey: [...K, 'retention'], queryFn: () => apiGet<Retention>(`${D}/retention`) });

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: [...K, 'devices'] }).then(() => client.invalidateQueries({ queryKey: [...K, 'retention'] })) });
}
export const useRegister = () => useWrite((b: { placeId: string; kind: string; name: string; location?: string }) => apiPost<DeviceKey>(`${D}/devices`, b));
export const useRekey = () => useWrite((id: string) => apiPost<DeviceKey>(`${D}/devices/${id}/rekey`, {}));
export const useDisable = () => useWrite((b: { id: string; reason: string }) => apiPost<{ id: string }>(`${D}/devices/${b.id}/disable`, { reason: b.reason }));
export const useEnable = () => useWrite((id: string) => apiPost<{ id: string }>(`${D}/devices/${id}/enable`, {}));
export const useSetRetention = () => useWrite((b: { streetId: string; retentionDays: number }) => apiPut<Retention>(`${D}/retention`, b));

export { downloadFrom as download } from '../../../shared/download.ts';
