import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgencyCompound,
  ApplicantOption,
  BookingRow,
  CaseListRow,
  CaseView,
  MyAgency,
  MyCaseView,
  PointView,
  ServiceFigureRow,
  ServiceRow,
} from '#server/modules/grid/contract.ts';
import { apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';
import { HOME_KEY } from '../../../resident/home.ts';

/** The agency part's API (政务服务代办点); the answers' shapes come from the server's use cases (type-only). */
export type Service = Jsonify<ServiceRow>;
export type Point = Jsonify<PointView>;
export type CaseRow = Jsonify<CaseListRow>;
export type Case = Jsonify<CaseView>;
export type Booking = Jsonify<BookingRow>;
export type Mine = Jsonify<MyAgency>;
export type MyCase = Jsonify<MyCaseView>;
export type Applicant = ApplicantOption;
export type FigureRow = Jsonify<ServiceFigureRow>;
export interface Figures {
  month: string;
  rows: FigureRow[];
  total: { accepted: number; completed: number; onTime: number; onTimeShare: number | null };
}
export interface ServiceBody {
  name: string;
  documents: string[];
  timeLimitDays: number;
  payFen: number;
  active: boolean;
}
export interface PointBody {
  compoundId: string;
  companyId: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  serviceIds: string[];
  active: boolean;
}
export interface BookBody {
  pointId: string;
  serviceId?: string;
  kind: 'point' | 'home';
  day: string;
  slot: 'am' | 'pm';
  note: string;
}

const K = ['gridAgency'] as const;
const A = '/api/grid/agency';
const ME = '/api/me/grid/agency';

export const useServices = () => useQuery({ queryKey: [...K, 'services'], queryFn: () => apiGet<{ items: Service[] }>(`${A}/services`) });
export const useSettings = (enabled: boolean) => useQuery({ queryKey: [...K, 'settings'], queryFn: () => apiGet<{ streetId: string; documentRetentionDays: number }>(`${A}/settings`), enabled });
export const useCompounds = (enabled: boolean) => useQuery({ queryKey: [...K, 'compounds'], queryFn: () => apiGet<{ items: AgencyCompound[] }>(`${A}/compounds`), enabled });
export const usePoints = () => useQuery({ queryKey: [...K, 'points'], queryFn: () => apiGet<{ items: Point[] }>(`${A}/points`) });
export const useResidents = (pointId: string | undefined, q: string) =>
  useQuery({ queryKey: [...K, 'residents', pointId, q], queryFn: () => apiGet<{ items: Applicant[] }>(`${A}/points/${pointId}/residents`, { q: q || undefined }), enabled: !!pointId, placeholderData: keepPreviousData });
export const useCases = (q: Query) => useQuery({ queryKey: [...K, 'cases', q], queryFn: () => apiGet<Page<CaseRow>>(`${A}/cases`, q), placeholderData: keepPreviousData });
export const useCase = (id: string) => useQuery({ queryKey: [...K, 'case', id], queryFn: () => apiGet<Case>(`${A}/cases/${id}`) });
export const useBookings = (q: Query) => useQuery({ queryKey: [...K, 'bookings', q], queryFn: () => apiGet<Page<Booking>>(`${A}/bookings`, q), placeholderData: keepPreviousData });
export const useFigures = (q: Query) => useQuery({ queryKey: [...K, 'figures', q], queryFn: () => apiGet<Figures>(`${A}/figures`, q), placeholderData: keepPreviousData });
export const useMine = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<Mine>(ME) });
export const useMyCase = (id: string) => useQuery({ queryKey: [...K, 'mine', id], queryFn: () => apiGet<MyCase>(`${ME}/cases/${id}`) });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: K }), client.invalidateQueries({ queryKey: HOME_KEY })]),
  });
}
export const useSaveService = (id?: string) => useWrite((b: ServiceBody) => (id ? apiPut<{ id: string }>(`${A}/services/${id}`, b) : apiPost<{ id: string }>(`${A}/services`, b)));
export const useSaveSettings = () => useWrite((b: { documentRetentionDays: number }) => apiPut<{ documentRetentionDays: number }>(`${A}/settings`, b));
export const useSavePoint = (id?: string) => useWrite((b: PointBody) => (id ? apiPut<{ id: string }>(`${A}/points/${id}`, b) : apiPost<{ id: string }>(`${A}/points`, b)));
export const useOpenCase = () =>
  useWrite(({ fields, files }: { fields: Record<string, string>; files: File[] }) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
    files.forEach((f) => form.append('documents', f, f.name));
    return apiUpload<{ id: string; no: string; dueOn: string }>(`${A}/cases`, form);
  });
export const useCaseStep = (id: string) =>
  useWrite(({ step, body }: { step: 'send' | 'result' | 'handover' | 'withdraw'; body: object }) => apiPost<{ id: string; status: string }>(`${A}/cases/${id}/${step}`, body));
export const useDecideBooking = () =>
  useWrite(({ id, confirm, reason }: { id: string; confirm: boolean; reason?: string }) => apiPost<{ id: string }>(`${A}/bookings/${id}/${confirm ? 'confirm' : 'decline'}`, confirm ? {} : { reason }));
export const useBook = () => useWrite((b: BookBody) => apiPost<{ id: string }>(`${ME}/bookings`, b));

export { downloadFrom as download } from '../../../shared/download.ts';
