import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost, apiPut, type Page, type Query } from '../../../shared/api.ts';

/** The stations part's API (红色驿站). The answers' shapes, as JSON (the server's use cases: stations-*.ts). */
export interface StationHours {
  days: number[];
  opens: string;
  closes: string;
}
export interface StationRow {
  id: string;
  compoundId: string;
  compoundName: string;
  name: string;
  address: string;
  hours: StationHours[];
  hoursText: string;
  services: string[];
  phone: string;
  status: 'open' | 'closed';
  updatedAt: string;
  canManage: boolean;
}
export interface Shift {
  id: string;
  day: string;
  starts: string;
  ends: string;
  personName: string;
  dutyRole: string;
}
export interface StationWeek {
  station: Omit<StationRow, 'hoursText'>;
  days: string[];
  shifts: Shift[];
}
export interface StationBody {
  compoundId?: string;
  name: string;
  address: string;
  hours: StationHours[];
  services: string[];
  phone: string;
  status: 'open' | 'closed';
}
export interface ShiftBody {
  day: string;
  starts: string;
  ends: string;
  personName: string;
  dutyRole: string;
}
export interface MyStation {
  id: string;
  name: string;
  compoundId: string;
  compoundName: string;
  address: string;
  hoursText: string;
  hoursToday: string[];
  services: string[];
  phone: string;
}

const K = ['partyStations'] as const;
const T = '/api/party/stations';

export const useStations = (q: Query) => useQuery({ queryKey: [...K, 'list', q], queryFn: () => apiGet<Page<StationRow>>(T, q), placeholderData: keepPreviousData });
export const useStationCompounds = (enabled: boolean) =>
  useQuery({ queryKey: [...K, 'compounds'], queryFn: () => apiGet<{ id: string; name: string; stations: number }[]>(`${T}/compounds`), enabled });
export const useStation = (id: string, week?: string) =>
  useQuery({ queryKey: [...K, 'station', id, week], queryFn: () => apiGet<StationWeek>(`${T}/${id}`, { week }), placeholderData: keepPreviousData });
export const useMyStation = (id: string) => useQuery({ queryKey: [...K, 'mine', id], queryFn: () => apiGet<{ station: MyStation; days: string[]; shifts: Shift[] }>(`/api/me/party/stations/${id}`) });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useCreateStation = () => useWrite((b: StationBody) => apiPost<StationRow>(T, b));
export const useUpdateStation = (id: string) => useWrite(({ compoundId: _c, ...b }: StationBody) => apiPut<StationRow>(`${T}/${id}`, b));
export const useAddShift = (id: string) => useWrite((b: ShiftBody) => apiPost<Shift>(`${T}/${id}/shifts`, b));
export const useRemoveShift = (id: string) => useWrite((shiftId: string) => apiDelete<{ removed: true }>(`${T}/${id}/shifts/${shiftId}`, undefined));

export { downloadFrom as download } from '../../../shared/download.ts';
