import { Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Opinion } from '../api.ts';

const STATUS_COLOR = { open: 'orange', answered: 'green', promoted: 'purple', hidden: 'default' } as const;

/** The status a person should see first: hidden wins, then the stored status. */
export const shownStatus = (o: Pick<Opinion, 'status' | 'hidden'>) => (o.hidden ? 'hidden' : o.status);

export function OpinionStatusTag({ opinion }: { opinion: Pick<Opinion, 'status' | 'hidden'> }) {
  const { t } = useTranslation();
  const s = shownStatus(opinion);
  return <Tag color={STATUS_COLOR[s]}>{t(`opinion.status.${s}`)}</Tag>;
}

export function VisibilityTag({ visibility }: { visibility: Opinion['visibility'] }) {
  const { t } = useTranslation();
  return <Tag color={visibility === 'public' ? 'blue' : 'gold'}>{t(`opinion.visibilityShort.${visibility}`)}</Tag>;
}

export function OpinionKindTag({ kind }: { kind: Opinion['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'complaint' ? 'red' : undefined}>{t(`opinion.kind.${kind}`)}</Tag>;
}

export function RatingStars({ rating }: { rating: number | null }) {
  const { t } = useTranslation();
  if (rating === null) return <span className="gz-muted">{t('opinion.notRated')}</span>;
  return <Rate disabled value={rating} style={{ fontSize: 14 }} aria-label={t('h5opinion.stars', { count: rating })} />;
}
