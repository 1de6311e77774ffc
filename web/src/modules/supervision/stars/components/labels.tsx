import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, StarType } from '#server/modules/supervision/contract.ts';

/** ★★★★☆: filled and empty stars, with the number for screen readers. */
export function StarsText({ stars, size }: { stars: number; size?: number }) {
  const { t } = useTranslation();
  return (
    <span aria-label={t('supervisionStars.starsAria', { n: stars })} data-stars={stars} style={{ color: '#d48806', letterSpacing: 1, fontSize: size, whiteSpace: 'nowrap' }}>
      {'★'.repeat(stars)}
      <span style={{ color: '#bfbfbf' }}>{'☆'.repeat(5 - stars)}</span>
    </span>
  );
}

const TYPE_COLOUR: Record<StarType, string> = { leading: 'red', developing: 'blue', maintaining: 'default' };
export function TypeTag({ type }: { type: StarType }) {
  const { t } = useTranslation();
  return <Tag color={TYPE_COLOUR[type]}>{t(`supervisionStars.type.${type}`)}</Tag>;
}

const STATUS_COLOUR: Record<ApplicationStatus, string> = { applied: 'gold', assigned: 'cyan', assessing: 'processing', pending: 'purple', confirmed: 'success' };
export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOUR[status]}>{t(`supervisionStars.status.${status}`)}</Tag>;
}

/** Hundredths as 85.00. */
export const scoreText = (c: number | null | undefined) => (c === null || c === undefined ? '—' : `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
/** Fen as 70,000.00 (yuan). */
export const yuanText = (fen: number) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
