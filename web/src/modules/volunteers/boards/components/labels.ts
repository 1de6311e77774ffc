import type { TFunction } from 'i18next';
import { formatDateTime } from '../../../../shared/format.ts';
import type { Board, Listing } from '../api.ts';

/** A carpool's line: 阳光花园北门 → 人民医院 · 2026-11-24 07:30 · 余 2 座. */
export function carpoolLine(t: TFunction, l: Pick<Board | Listing, 'routeFrom' | 'routeTo' | 'departsAt' | 'seatsLeft' | 'carpoolRole' | 'seats'>): string {
  const seats = l.carpoolRole === 'seek' ? t('volBoards.carpool.needs', { n: l.seats }) : t('volBoards.carpool.left', { n: l.seatsLeft });
  return `${l.routeFrom} → ${l.routeTo} · ${formatDateTime(l.departsAt)} · ${seats}`;
}

export const statusColor = (status: string) => (status === 'open' ? 'success' : status === 'reserved' || status === 'full' || status === 'lent' ? 'warning' : 'default');
