import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArrearsForMediation, CommitteeView, MediationCaseRow, MediationCaseView, MediationPlace, MyMediation } from '#server/modules/grid/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';
import { HOME_KEY } from '../../../resident/home.ts';

/** The mediation part's API (人民调解); the answers' shapes come from the server's use cases (type-only). */
export type CaseRow = Jsonify<MediationCaseRow>;
export type Case = Jsonify<MediationCaseView>;
export type Committee = Jsonify<CommitteeView>;
export type Place = Jsonify<MediationPlace>;
export type Mine = Jsonify<MyMediation>;
export type ArrearsCase = Jsonify<ArrearsForMediation>;
export interface FigureParts {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

const K = ['gridMediation'] as const;
const M = '/api/grid/mediation';
const ME = '/api/me/grid/mediation';

export const useCases = (q: Query) => useQuery({ queryKey: [...K, 'cases', q], queryFn: () => apiGet<Page<CaseRow>>(`${M}/cases`, q), placeholderData: keepPreviousData });
export const useCase = (id: string) => useQuery({ queryKey: [...K, 'case', id], queryFn: () => apiGet<Case>(`${M}/cases/${id}`) });
export const useCommittees = () => useQuery({ queryKey: [...K, 'committees'], queryFn: () => apiGet<{ items: Committee[]; places: { id: string; name: string; kind: string }[] }>(`${M}/committees`) });
/** The arrears cases handed to mediation that 「欠费案件」 as a source picks from; asked for only when that source is chosen. */
export const useArrearsCases = (enabled: boolean) => useQuery({ queryKey: [...K, 'arrears'], queryFn: () => apiGet<{ items: ArrearsCase[] }>(`${M}/arrears-cases`), enabled });
export const usePlaces = () => useQuery({ queryKey: [...K, 'places'], queryFn: () => apiGet<{ items: Place[] }>(`${M}/places`) });
export const useMine = () => useQuery({ queryKey: [...K, 'mine'], queryFn: () => apiGet<Mine>(ME) });
/** A kernel figure for a place, this month. */
export const useFigure = (key: string, placeId: string | undefined) =>
  useQuery({ queryKey: [...K, 'figure', key, placeId], queryFn: () => apiGet<FigureParts>(`/api/figures/${key}`, { placeId }), enabled: !!placeId, retry: false });

function useWrite<B, R>(fn: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: K }), client.invalidateQueries({ queryKey: HOME_KEY })]),
  });
}

export interface OpenBody {
  placeId: string;
  source: string;
  sourceRef?: string;
  sourceTitle?: string;
  category: string;
  summary: string;
  parties: { name: string; role: string; phone?: string; room?: string }[];
  mediatorIds?: string[];
}
export type Step = 'accept' | 'decline' | 'sessions' | 'agree' | 'fail' | 'escalate' | 'assign' | 'confirmation' | 'confirmation/outcome' | 'followups';

export const useOpenCase = () => useWrite((b: OpenBody) => apiPost<{ id: string; no: string }>(`${M}/cases`, b));
export const useCaseStep = (id: string) => useWrite(({ step, body }: { step: Step; body: object }) => apiPost<{ id: string }>(`${M}/cases/${id}/${step}`, body));
export const useUploadSigned = (id: string) =>
  useWrite(({ signedOn, files }: { signedOn: string; files: File[] }) => {
    const form = new FormData();
    form.append('signedOn', signedOn);
    files.forEach((f) => form.append('documents', f, f.name));
    return apiUpload<{ id: string }>(`${M}/cases/${id}/signed`, form);
  });
export const useCreateCommittee = () => useWrite((b: { placeId: string; name: string }) => apiPost<{ id: string }>(`${M}/committees`, b));
export const useAddMediator = () =>
  useWrite(({ committeeId, ...b }: { committeeId: string; accountId: string; name: string; title: string; fromOn?: string }) => apiPost<{ id: string }>(`${M}/committees/${committeeId}/mediators`, b));
export const useEndMediator = () => useWrite((id: string) => apiPost<{ id: string }>(`${M}/mediators/${id}/end`, {}));
export const useApply = () =>
  useWrite((b: { compoundId: string; category: string; summary: string; respondentName: string; respondentPhone?: string; respondentRoom?: string }) => apiPost<{ id: string }>(ME, b));

export { downloadFrom as download } from '../../../shared/download.ts';
