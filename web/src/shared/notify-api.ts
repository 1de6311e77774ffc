import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InboxItem, NotifySettings } from '#server/kernel/contract.ts';
import { apiGet, apiPatch, apiPost, type Jsonify, type Page, type Query } from './api.ts';

/** The notification service's routes (server/kernel/notify/): every signed-in person's inbox and settings. */
export type Message = Jsonify<InboxItem>;
export type { NotifySettings };

/** How often the bell asks for the unread count: a new message shows within a minute. */
const UNREAD_POLL_MS = 60_000;

export const useUnread = () =>
  useQuery({
    queryKey: ['notify', 'unread'],
    queryFn: () => apiGet<{ unread: number }>('/api/notify/unread'),
    refetchInterval: UNREAD_POLL_MS,
    select: (d) => d.unread,
  });

export const useInbox = (q: Query) =>
  useQuery({
    queryKey: ['notify', 'inbox', q],
    queryFn: () => apiGet<Page<Message> & { unread: number }>('/api/notify/inbox', q),
    placeholderData: keepPreviousData,
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: { id: string } | 'all') =>
      apiPost<{ unread: number }>(which === 'all' ? '/api/notify/inbox/read-all' : `/api/notify/inbox/${which.id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notify'] }),
  });
}

export const useNotifySettings = () => useQuery({ queryKey: ['notify', 'settings'], queryFn: () => apiGet<NotifySettings>('/api/notify/settings') });

function useSettingsMutation<V>(send: (v: V) => Promise<NotifySettings>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: (data) => client.setQueryData(['notify', 'settings'], data) });
}

export const useSaveNotifySettings = () =>
  useSettingsMutation((v: Pick<NotifySettings, 'quietStart' | 'quietEnd'> & { mutedChannels: ('sms' | 'wechat')[] }) =>
    apiPatch<NotifySettings>('/api/notify/settings', v),
  );
export const useBindWechat = () => useSettingsMutation(() => apiPost<NotifySettings>('/api/notify/wechat/bind'));
export const useAllowWechat = () => useSettingsMutation((templates: string[]) => apiPost<NotifySettings>('/api/notify/wechat/allow', { templates }));

/** "22:00" ⇄ minutes after midnight, as quiet hours are stored. */
export const minutesToClock = (m: number | null) => (m === null ? '' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
export const clockToMinutes = (hhmm: string): number | null => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};
