import type { TFunction } from 'i18next';
import { fenToYuan } from '#server/modules/repairs/contract.ts';
import { formatDateTime } from '../../shared/format.ts';
import type { OrderEvent } from './api.ts';

/** 95 → "1 小时 35 分", 3000 → "2 天 2 小时": durations as people say them. */
export function formatMinutes(t: TFunction, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return t('repairs.none');
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t('repairs.minutes', { m });
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? t('repairs.hoursMinutes', { h, m: rest }) : t('repairs.hours', { h });
  }
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return h ? t('repairs.daysHours', { d, h }) : t('repairs.days', { d });
}

/** "剩余 1 小时 20 分" or "已超时 3 小时" against a deadline. */
export function dueText(t: TFunction, deadline: string, now = Date.now()): { text: string; late: boolean } {
  const diff = (Date.parse(deadline) - now) / 60_000;
  return diff >= 0 ? { text: t('repairs.dueIn', { time: formatMinutes(t, diff) }), late: false } : { text: t('repairs.dueAgo', { time: formatMinutes(t, -diff) }), late: true };
}

export const yuan = (fen: number) => fenToYuan(fen);

/** Basis points as a percentage with one decimal: 1234 → "12.3%". */
export const bpToPercent = (bp: number | null | undefined) => (bp === null || bp === undefined ? '—' : `${(Math.round(bp / 10) / 10).toFixed(1)}%`);
/** Hundredths of a star: 437 → "4.37". */
export const centiToRating = (c: number | null | undefined) => (c === null || c === undefined ? '—' : (c / 100).toFixed(2));

/** The small facts of a timeline event, in words. */
export function eventDetail(t: TFunction, e: OrderEvent): string {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (e.action === 'dispatched' && typeof d.assignee === 'string') parts.push(t('repairs.eventDetail.assignee', { name: d.assignee }) + (d.reassigned ? t('repairs.eventDetail.reassigned') : ''));
  if (e.action === 'rated' && typeof d.rating === 'number') parts.push(t('repairs.eventDetail.rating', { rating: d.rating }) + (d.via === 'callback' ? ` · ${t('repairs.eventDetail.callback')}` : ''));
  if (e.action === 'priced') parts.push(d.paid ? t('repairs.eventDetail.paid', { yuan: typeof d.priceFen === 'number' ? fenToYuan(d.priceFen) : '' }) : t('repairs.eventDetail.free'));
  if ((e.action === 'reported' || e.action === 'finished') && typeof d.photos === 'number' && d.photos > 0) parts.push(t('repairs.eventDetail.photos', { count: d.photos }));
  if (e.action === 'reported' && typeof d.channel === 'string' && d.channel !== 'app') parts.push(t(`repairs.channel.${d.channel}`));
  if (d.late) parts.push(t('repairs.eventDetail.late'));
  if (e.action === 'escalated' && typeof d.kind === 'string')
    parts.push(t('repairs.eventDetail.escalated', { kind: t(`repairs.escalationKind.${d.kind}`), due: formatDateTime(String(d.dueAt)) }));
  return parts.join(' · ');
}
