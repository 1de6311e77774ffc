import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertRow as AlertRowOf, AlertRuleRow, CarParkLive, LiveSpace, SensorOption, SessionRow as SessionRowOf, SpaceRow as SpaceRowOf } from '#server/modules/devices/contract.ts';
import { LIVE_REFRESH_MS } from '#server/modules/devices/contract.ts';
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The parking part's API (停车实况, 车位管理, 临时停车, 告警处置); the answers' shapes come from the server's use cases (type-only). */
export type CarPark = Jsonify<CarParkLive>;
export type CarParkWithSpaces = Jsonify<CarParkLive & { spaces: LiveSpace[] }>;
export type SpaceRow = Jsonify<SpaceRowOf>;
export type SessionRow = Jsonify<SessionRowOf>;
export type AlertRow = Jsonify<AlertRowOf>;
export type RuleRow = Jsonify<AlertRuleRow>;

const K = ['devices', 'parking'] as const;
export const P = '/api/devices/parking';

/** Every compound's car park, polled every 5 s while the page is open. */
export const useLive = () => useQuery({ queryKey: [...K, 'live'], queryFn: () => apiGet<{ items: CarPark[] }>(`${P}/live`), refetchInterval: LIVE_REFRESH_MS });
export const useLiveOne = (placeId: string | undefined) =>
  useQuery({ queryKey: [...K, 'live', placeId], queryFn: () => apiGet<CarParkWithSpaces>(`${P}/live/${placeId}`), enabled: !!placeId, refetchInterval: LIVE_REFRESH_MS });
export const useSensors = (placeId: string | undefined) =>
  useQuery({ queryKey: [...K, 'sensors', placeId], queryFn: () => apiGet<{ items: SensorOption[] }>(`${P}/sensors/${placeId}`), enabled: !!placeId });
export const useSpaces = (q: Query) => useQuery({ queryKey: [...K, 'spaces', q], queryFn: () => apiGet<Page<SpaceRow>>(`${P}/spaces`, q), placeholderData: keepPreviousData });
export const useSessions = (q: Query) => useQuery({ queryKey: [...K, 'sessions', q], queryFn: () => apiGet<Page<SessionRow>>(`${P}/sessions`, q), placeholderData: keepPreviousData });
export const useAlerts = (q: Query) => useQuery({ queryKey: [...K, 'alerts', q], queryFn: () => apiGet<Page<AlertRow>>(`${P}/alerts`, q), placeholderData: keepPreviousData, refetchInterval: 30_000 });
export const useOpenAlerts = (enabled: boolean) => useQuery({ queryKey: [...K, 'open-count'], queryFn: () => apiGet<{ count: number }>(`${P}/alerts/open-count`), enabled, refetchInterval: 30_000 });
export const useRules = () => useQuery({ queryKey: [...K, 'rules'], queryFn: () => apiGet<{ items: RuleRow[] }>(`${P}/alert-rules`) });

function useWrite<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useSetTariff = () => useWrite(({ placeId, ...b }: { placeId: string; freeMinutes: number; hourlyFen: number; dailyCapFen: number }) => apiPut<{ placeId: string }>(`${P}/car-parks/${placeId}/tariff`, b));
export const useAddSpaces = () => useWrite((b: { placeId: string; no: string; to?: string; kind: string; roomId?: string | null; sensorDeviceId?: string | null }) => apiPost<{ ids: string[] }>(`${P}/spaces`, b));
export const useUpdateSpace = () => useWrite(({ id, ...b }: { id: string; kind?: string; roomId?: string | null; sensorDeviceId?: string | null }) => apiPatch<{ id: string }>(`${P}/spaces/${id}`, b));
export const useRemoveSpace = () => useWrite((id: string) => apiDelete<{ id: string }>(`${P}/spaces/${id}`, undefined));
export const useSettle = () => useWrite(({ id, ...b }: { id: string; status: 'paid' | 'waived'; note: string }) => apiPost<{ id: string }>(`${P}/sessions/${id}/settle`, b));
export const useHandle = () => useWrite(({ id, note }: { id: string; note: string }) => apiPost<{ id: string }>(`${P}/alerts/${id}/handle`, { note }));
export const useCreateRule = () => useWrite((b: { placeId: string; kind: string; graceMinutes?: number; nightFrom?: string; nightTo?: string }) => apiPost<{ id: string }>(`${P}/alert-rules`, b));
export const useUpdateRule = () => useWrite(({ id, ...b }: { id: string; graceMinutes?: number; nightFrom?: string; nightTo?: string; enabled?: boolean }) => apiPatch<{ id: string }>(`${P}/alert-rules/${id}`, b));

export { downloadFrom as download } from '../../../shared/download.ts';
/** Fen as yuan ("12.50"). */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2));
