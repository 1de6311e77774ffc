import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { deliveryReport, listProxies } from '#server/modules/decisions/contract.ts';
import { apiGet, apiPost, apiUpload, type Jsonify, type Query } from '../../../shared/api.ts';
import { decisionKeys } from '../api.ts';

/**
 * 委托投票 (proxies), 送达 (proof of notice) and 拨打 (the canvass's tap-to-call) as the web uses them. The answers'
 * types are inferred from the server's use cases (type-only imports), so a change there shows up here at compile time.
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;
export type ProxiesPage = Answer<typeof listProxies>;
export type ProxyRow = ProxiesPage['items'][number];
export type ProxyStatus = ProxyRow['status'];
export const PROXY_STATUSES: readonly ProxyStatus[] = ['pending', 'checked', 'rejected', 'revoked'];
export type DeliveryPage = Answer<typeof deliveryReport>;
export type DeliveryRow = DeliveryPage['items'][number];
export type Posting = DeliveryPage['postings'][number];

const proofKeys = {
  proxies: (id: string, q: Query) => [...decisionKeys.one(id), 'proxies', q] as const,
  delivery: (id: string, q: Query) => [...decisionKeys.one(id), 'delivery', q] as const,
};

/** Where the stored files are read: the power of attorney, a receipt scan or a posting photo. */
export const poaUrl = (id: string, proxyId: string) => `/api/decisions/${id}/proxies/${proxyId}/poa`;
export const proofFileUrl = (id: string, proofId: string) => `/api/decisions/${id}/proofs/${proofId}/file`;
export const deliveryXlsxUrl = (id: string, building?: string) =>
  `/api/decisions/${id}/delivery.xlsx${building ? `?building=${encodeURIComponent(building)}` : ''}`;

export const useProxies = (id: string, q: Query) =>
  useQuery({ queryKey: proofKeys.proxies(id, q), queryFn: () => apiGet<ProxiesPage>(`/api/decisions/${id}/proxies`, q), placeholderData: keepPreviousData });
export const useDelivery = (id: string, q: Query, enabled = true) =>
  useQuery({ queryKey: proofKeys.delivery(id, q), queryFn: () => apiGet<DeliveryPage>(`/api/decisions/${id}/delivery`, q), placeholderData: keepPreviousData, enabled });

/** Every write here may change the decision's figures, its lists and the canvass: refresh the module's reads. */
function useProofMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: decisionKeys.all }) });
}

/** A multipart form: fields as text, one file under its own name. */
export function formOf(fields: Record<string, string>, fileField: string, file: File): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(fileField, file, file.name);
  return form;
}

export const useRegisterProxy = (id: string) =>
  useProofMutation(({ entryId, name, phone, poa }: { entryId: string; name: string; phone: string; poa: File }) =>
    apiUpload<ProxyRow>(`/api/decisions/${id}/proxies`, formOf({ entryId, name, phone }, 'poa', poa)),
  );
export const useCheckProxy = (id: string) =>
  useProofMutation(({ proxyId, verdict, reason }: { proxyId: string; verdict: 'accept' | 'reject'; reason?: string }) =>
    apiPost<ProxyRow>(`/api/decisions/${id}/proxies/${proxyId}/check`, { verdict, reason }),
  );
export const useAddReceipt = (id: string) =>
  useProofMutation(({ entryId, signedOn, scan }: { entryId: string; signedOn: string; scan: File }) =>
    apiUpload<{ id: string }>(`/api/decisions/${id}/receipts`, formOf({ entryId, signedOn }, 'scan', scan)),
  );
export const useAddPosting = (id: string) =>
  useProofMutation(({ postedOn, location, photo }: { postedOn: string; location: string; photo: File }) =>
    apiUpload<{ id: string }>(`/api/decisions/${id}/postings`, formOf({ postedOn, location }, 'photo', photo)),
  );

/** 拨打: the owner's full number, fetched (and audited) only when a volunteer taps to call. */
export const fetchOwnerPhone = (id: string, entryId: string) => apiPost<{ phone: string }>(`/api/decisions/${id}/canvass/${entryId}/phone`);
