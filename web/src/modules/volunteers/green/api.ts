import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CareRecord as CareRecordAnswer, CompoundRate as CompoundRateAnswer, GreenAdoptionStatus, GreenCareKind, GreenCompound, MyAdoption as MyAdoptionAnswer, ResidentPlot as ResidentPlotAnswer } from '#server/modules/volunteers/contract.ts';
import { apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The green part's API (认栽认养). The answers' shapes, as JSON (the server's use cases: green-*.ts). */
export type PlotStatus = 'available' | 'adopted' | 'closed';
export interface PlotRow {
  id: string;
  compoundId: string;
  compoundName: string;
  name: string;
  areaCenti: number;
  areaText: string;
  location: string;
  description: string;
  closedAt: string | null;
  closedReason: string | null;
  status: PlotStatus;
  adopterName: string | null;
  adoptedFrom: string | null;
  adoptedTo: string | null;
  updatedAt: string;
  canManage: boolean;
}
export interface AdoptionRow {
  id: string;
  plotId: string;
  plotName: string;
  areaCenti: number;
  areaText?: string;
  compoundId: string;
  compoundName: string;
  personName: string;
  roomLabel: string | null;
  fromDay: string;
  toDay: string;
  note: string;
  status: GreenAdoptionStatus;
  rejectReason: string | null;
  decidedAt: string | null;
  endedOn: string | null;
  endReason: string | null;
  createdAt: string;
  canManage?: boolean;
}
export type CareRecord = Jsonify<CareRecordAnswer>;
export interface PlotDetail {
  plot: PlotRow;
  adoptions: AdoptionRow[];
  care: CareRecord[];
}
export type CompoundRate = Jsonify<CompoundRateAnswer>;
export interface PlotBody {
  compoundId?: string;
  name: string;
  area: string;
  location: string;
  description: string;
}

export type ResidentPlot = Jsonify<ResidentPlotAnswer>;
export type MyAdoption = Jsonify<MyAdoptionAnswer>;
export interface Room {
  roomId: string;
  roomLabel: string;
}
export interface MyGreen {
  compounds: Jsonify<GreenCompound>[];
  adoptions: MyAdoption[];
}
export interface MyPlot {
  plot: ResidentPlot;
  care: CareRecord[];
  adoptions: MyAdoption[];
  rooms: Room[];
}

const K = ['volGreen'] as const;
const T = '/api/volunteers/green';
const ME = '/api/me/volunteers/green';

export const photoUrl = (id: string) => `/api/volunteers/photos/${id}`;
export const certificateUrl = (id: string) => `${ME}/adoptions/${id}/certificate.pdf`;

export const usePlots = (q: Query) => useQuery({ queryKey: [...K, 'plots', q], queryFn: () => apiGet<Page<PlotRow>>(`${T}/plots`, q), placeholderData: keepPreviousData });
export const usePlot = (id: string) => useQuery({ queryKey: [...K, 'plot', id], queryFn: () => apiGet<PlotDetail>(`${T}/plots/${id}`) });
export const useAdoptions = (q: Query) => useQuery({ queryKey: [...K, 'adoptions', q], queryFn: () => apiGet<Page<AdoptionRow>>(`${T}/adoptions`, q), placeholderData: keepPreviousData });
export const useRates = (placeId?: string) =>
  useQuery({ queryKey: [...K, 'rates', placeId], queryFn: () => apiGet<{ compounds: CompoundRate[]; total: Omit<CompoundRate, 'compoundId' | 'compoundName' | 'canManage'> }>(`${T}/rates`, { placeId }) });
export const useMyGreen = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<MyGreen>(ME) });
export const useMyPlot = (id: string) => useQuery({ queryKey: [...K, 'myPlot', id], queryFn: () => apiGet<MyPlot>(`${ME}/plots/${id}`) });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useCreatePlot = () => useWrite((b: PlotBody) => apiPost<PlotRow>(`${T}/plots`, b));
export const useUpdatePlot = (id: string) => useWrite(({ compoundId: _c, ...b }: PlotBody) => apiPut<PlotRow>(`${T}/plots/${id}`, b));
export const useClosePlot = (id: string) => useWrite((reason: string) => apiPost<PlotRow>(`${T}/plots/${id}/close`, { reason }));
export const useDecide = () =>
  useWrite(({ id, action, reason }: { id: string; action: 'approve' | 'reject' | 'end'; reason?: string }) => apiPost<AdoptionRow>(`${T}/adoptions/${id}/${action}`, action === 'approve' ? {} : { reason }));
export const useApply = (plotId: string) => useWrite((b: { fromDay: string; toDay: string; roomId?: string; note?: string }) => apiPost<{ id: string }>(`${ME}/plots/${plotId}/adoptions`, b));
export const useWithdraw = () => useWrite((id: string) => apiPost<{ id: string }>(`${ME}/adoptions/${id}/withdraw`, {}));
export const usePostCare = (adoptionId: string) =>
  useWrite(({ kind, note, photos }: { kind: GreenCareKind; note: string; photos: File[] }) => {
    const form = new FormData();
    form.append('kind', kind);
    if (note) form.append('note', note);
    photos.forEach((p, i) => form.append('photos', p, p.name || `photo-${i + 1}.jpg`));
    return apiUpload<{ id: string; photoIds: string[] }>(`${ME}/adoptions/${adoptionId}/care`, form);
  });

export { downloadFrom as download } from '../../../shared/download.ts';
