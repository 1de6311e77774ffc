import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '#server/modules/repairs/contract.ts';
import type { getFigures } from '#server/modules/repairs/contract.ts';
import type { getOrder } from '#server/modules/repairs/contract.ts';
import type { listAssignees } from '#server/modules/repairs/contract.ts';
import type { listEscalations } from '#server/modules/repairs/contract.ts';
import type { listMyOrders } from '#server/modules/repairs/contract.ts';
import type { listOrders } from '#server/modules/repairs/contract.ts';
import type { reportPlaces } from '#server/modules/repairs/contract.ts';
import type { getSettings, listSettings } from '#server/modules/repairs/contract.ts';
import type { SettingsBody } from '#server/modules/repairs/contract.ts';
import { apiGet, apiPost, apiPut, apiUpload, type Jsonify, type Query } from '../../shared/api.ts';

/**
 * The repairs API as the web uses it. Response types are inferred from the server's use cases
 * (type-only imports, erased from the bundle), so a change there shows up here at compile time.
 */
type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type OrderRow = Answer<typeof listOrders>['items'][number];
export type Order = Answer<typeof getOrder>;
export type OrderEvent = Order['events'][number];
export type MyOrderRow = Answer<typeof listMyOrders>['items'][number];
export type EscalationRow = Answer<typeof listEscalations>['items'][number];
export type Figures = Answer<typeof getFigures>;
export type FigureRow = Figures['byCompound'][number];
export type SettingsRow = Answer<typeof listSettings>['items'][number];
export type CompoundSettings = Answer<typeof getSettings>;
export type ReportPlace = Answer<typeof reportPlaces>['items'][number];
export type { Action, SettingsBody };

export const repairKeys = {
  all: ['repairs'] as const,
  orders: (q: Query) => ['repairs', 'orders', q] as const,
  order: (id: string) => ['repairs', 'order', id] as const,
  mine: (q: Query) => ['repairs', 'mine', q] as const,
  assignees: (id: string) => ['repairs', 'order', id, 'assignees'] as const,
  escalations: (q: Query) => ['repairs', 'escalations', q] as const,
  figures: (q: Query) => ['repairs', 'figures', q] as const,
  settingsList: (q: Query) => ['repairs', 'settings', q] as const,
  settings: (id: string) => ['repairs', 'settings', id] as const,
  reportPlaces: () => ['repairs', 'report-places'] as const,
};

export const fetchOrders = (q: Query) => apiGet<Answer<typeof listOrders>>('/api/repairs/orders', q);

export const useOrders = (q: Query) =>
  useQuery({ queryKey: repairKeys.orders(q), queryFn: () => fetchOrders(q), placeholderData: keepPreviousData });
export const useOrder = (id: string) => useQuery({ queryKey: repairKeys.order(id), queryFn: () => apiGet<Order>(`/api/repairs/orders/${id}`) });
export const useMyOrders = (q: Query) =>
  useQuery({ queryKey: repairKeys.mine(q), queryFn: () => apiGet<Answer<typeof listMyOrders>>('/api/repairs/mine', q), placeholderData: keepPreviousData });
export const useAssignees = (id: string, enabled: boolean) =>
  useQuery({ queryKey: repairKeys.assignees(id), queryFn: () => apiGet<Answer<typeof listAssignees>>(`/api/repairs/orders/${id}/assignees`), enabled });
export const useEscalations = (q: Query) =>
  useQuery({
    queryKey: repairKeys.escalations(q),
    queryFn: () => apiGet<Answer<typeof listEscalations>>('/api/repairs/escalations', q),
    placeholderData: keepPreviousData,
  });
export const useFigures = (q: Query) =>
  useQuery({ queryKey: repairKeys.figures(q), queryFn: () => apiGet<Figures>('/api/repairs/figures', q), placeholderData: keepPreviousData });
export const useSettingsList = (q: Query) =>
  useQuery({
    queryKey: repairKeys.settingsList(q),
    queryFn: () => apiGet<Answer<typeof listSettings>>('/api/repairs/settings', q),
    placeholderData: keepPreviousData,
  });
export const useCompoundSettings = (id: string | null) =>
  useQuery({ queryKey: repairKeys.settings(id ?? ''), queryFn: () => apiGet<CompoundSettings>(`/api/repairs/settings/${id}`), enabled: !!id });
export const useReportPlaces = () => useQuery({ queryKey: repairKeys.reportPlaces(), queryFn: () => apiGet<Answer<typeof reportPlaces>>('/api/repairs/report-places') });

/** Every repairs write may change lists, figures and the order itself: refresh the module's cached reads. */
function useRepairsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: repairKeys.all }) });
}

/** A form with its photos: fields as text, files under `photos`. */
export function toForm(fields: Record<string, string | number | undefined | null>, photos: Blob[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') form.append(k, String(v));
  photos.forEach((p, i) => form.append('photos', p, (p as File).name || `photo-${i + 1}.jpg`));
  return form;
}

export const useReportOrder = () => useRepairsMutation((form: FormData) => apiUpload<Order>('/api/repairs/orders', form));
export const useFinishOrder = (id: string) => useRepairsMutation((form: FormData) => apiUpload<Order>(`/api/repairs/orders/${id}/finish`, form));
/** Any of the JSON actions (accept, dispatch, start, return, price, rate, answer, cancel). */
export const useOrderAction = (id: string) =>
  useRepairsMutation(({ action, body }: { action: Exclude<Action, 'finish'>; body?: object }) => apiPost<Order>(`/api/repairs/orders/${id}/${action}`, body ?? {}));
export const useSupervise = () =>
  useRepairsMutation(({ id, note }: { id: string; note: string }) => apiPost<{ id: string }>(`/api/repairs/escalations/${id}/supervise`, { note }));
export const useSaveSettings = (id: string) =>
  useRepairsMutation((body: SettingsBody) => apiPut<CompoundSettings>(`/api/repairs/settings/${id}`, body));
/** The contact's full phone; the server records this read in the audit log. */
export const useRevealContact = (id: string) =>
  useMutation({ mutationFn: () => apiGet<{ name: string | null; phone: string | null }>(`/api/repairs/orders/${id}/contact`) });

