import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreditCompanyDetail,
  CreditCompanyRow,
  CreditRepairRow,
  CreditSettingsBody,
  CreditSettingsView,
  CreditStreetRow,
  DecideRepairBody,
  MyCompanyCredit,
} from '#server/modules/supervision/contract.ts';
import { apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Page, type Query } from '../../../shared/api.ts';

/** The credit part's API: answer types come from the server's use cases (type-only). */
export type CompanyRow = Jsonify<CreditCompanyRow>;
export type CompanyDetail = Jsonify<CreditCompanyDetail>;
export type RecordView = CompanyDetail['records'][number];
export type RepairView = CompanyDetail['repairs'][number];
export type RepairRow = Jsonify<CreditRepairRow>;
export type Settings = Jsonify<CreditSettingsView>;
export type StreetRow = CreditStreetRow;
export type { MyCompanyCredit };

const K = ['supervisionCredit'] as const;
const B = '/api/supervision/credit';

export const useCreditStreets = () => useQuery({ queryKey: [...K, 'streets'], queryFn: () => apiGet<StreetRow[]>(`${B}/streets`) });
export const useCreditCompanies = (q: Query) =>
  useQuery({ queryKey: [...K, 'companies', q], queryFn: () => apiGet<Page<CompanyRow>>(`${B}/companies`, q), placeholderData: keepPreviousData });
export const useCreditCompany = (companyId: string) => useQuery({ queryKey: [...K, 'company', companyId], queryFn: () => apiGet<CompanyDetail>(`${B}/companies/${companyId}`) });
export const useCreditRepairs = (q: Query) =>
  useQuery({ queryKey: [...K, 'repairs', q], queryFn: () => apiGet<Page<RepairRow>>(`${B}/repairs`, q), placeholderData: keepPreviousData });
export const useCreditSettings = (streetId: string | undefined) =>
  useQuery({ queryKey: [...K, 'settings', streetId], queryFn: () => apiGet<Settings>(`${B}/settings`, { streetId }), enabled: !!streetId });

function useWrite<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: K }) });
}
export const useSaveCreditSettings = () => useWrite((b: CreditSettingsBody) => apiPut<Settings>(`${B}/settings`, b));
export const useSyncCredit = () => useWrite((b: { streetId: string }) => apiPost<{ streetId: string; added: number }>(`${B}/sync`, b));
export const useAddCreditRecord = () => useWrite((form: FormData) => apiUpload<{ id: string }>(`${B}/records`, form));
export const useApplyRepair = (recordId: string) => useWrite((form: FormData) => apiUpload<{ id: string }>(`${B}/records/${recordId}/repairs`, form));
export const useDecideRepair = (repairId: string) => useWrite((b: DecideRepairBody) => apiPost<unknown>(`${B}/repairs/${repairId}/decide`, b));

/** The link to an evidence file (it opens in a new tab: photos inline, PDFs as downloads). */
export const creditFileUrl = (fileId: string) => `${B}/files/${fileId}`;

export { toForm } from '../rectification/api.ts';
export { downloadFrom as download } from '../../../shared/download.ts';
