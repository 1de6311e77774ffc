import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, type Page, type Query } from '../../shared/api.ts';

/** Shapes of the kernel's sendings routes (server/kernel/notify/sendings.ts). */
export type Channel = 'inbox' | 'sms' | 'wechat';
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped' | 'uncertain';
export type Counts = Partial<Record<Channel, Partial<Record<DeliveryStatus, number>>>>;

export interface Sending {
  id: string;
  template: string;
  label: string;
  title: string;
  urgent: boolean;
  channels: Channel[];
  recipients: number;
  createdAt: string;
  createdBy: string | null;
  placeLabel: string | null;
  placeName: string;
  counts: Counts;
}

export interface SendingDetail extends Omit<Sending, 'placeLabel'> {
  undelivered: { id: string; channel: Channel; status: DeliveryStatus; error: string | null; attempts: number; nextAttemptAt: string; name: string }[];
}

export const useSendings = (q: Query) =>
  useQuery({ queryKey: ['notify', 'sendings', q], queryFn: () => apiGet<Page<Sending>>('/api/notify/sendings', q), placeholderData: keepPreviousData });

export const useSending = (id: string | null) =>
  useQuery({ queryKey: ['notify', 'sending', id], queryFn: () => apiGet<SendingDetail>(`/api/notify/sendings/${id}`), enabled: !!id });

export const useTemplates = () =>
  useQuery({
    queryKey: ['notify', 'templates'],
    queryFn: () => apiGet<{ items: { key: string; label: string; sms: boolean; wechat: boolean }[] }>('/api/notify/templates'),
    staleTime: Infinity,
  });
