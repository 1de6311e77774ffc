import { Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A score in hundredths with two decimals (89.50), or a dash. */
export const score = (centi: number | null | undefined) => (centi === null || centi === undefined ? '—' : `${Math.floor(centi / 100)}.${String(centi % 100).padStart(2, '0')}`);

/** Stars as the red stars of 红色业委会 (read-only), or a dash when not rated. */
export function Stars({ stars, size = 14 }: { stars: number | null | undefined; size?: number }) {
  const { t } = useTranslation();
  if (!stars) return <span>—</span>;
  return <Rate disabled value={stars} style={{ color: '#cf1322', fontSize: size }} aria-label={t('supervisionCommittees.stars', { count: stars })} />;
}

export function RatingStatus({ status }: { status: 'draft' | 'submitted' | null }) {
  const { t } = useTranslation();
  if (!status) return <Tag>{t('supervisionCommittees.status.none')}</Tag>;
  return <Tag color={status === 'submitted' ? 'green' : 'gold'}>{t(`supervisionCommittees.status.${status}`)}</Tag>;
}

/** This year and the years before it, newest first (committees are rated yearly). */
export function recentYears(n = 5, today = new Date()): string[] {
  const y = new Date(today.getTime() + 8 * 3_600_000).getUTCFullYear();
  return Array.from({ length: n }, (_, i) => String(y - i));
}
