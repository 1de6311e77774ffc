import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Status } from '#server/modules/repairs/contract.ts';
import { yuan } from '../format.ts';

const STATUS_COLOR: Record<Status, string> = {
  submitted: 'gold',
  accepted: 'blue',
  dispatched: 'geekblue',
  in_progress: 'processing',
  finished: 'cyan',
  reopened: 'volcano',
  closed: 'green',
  returned: 'default',
  cancelled: 'default',
};

/** Where an order is: its compound, then the building, unit or room within it. */
export function OrderPlace({ row }: { row: { compoundName: string; placeLabel: string | null } }) {
  return (
    <>
      {row.compoundName}
      {row.placeLabel && <Typography.Text type="secondary"> / {row.placeLabel}</Typography.Text>}
    </>
  );
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`repairs.status.${status}`)}</Tag>;
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? <Tag color="red">{t('repairs.overdue')}</Tag> : null;
}

export function PaidTag({ paid, priceFen }: { paid: boolean; priceFen: number | null }) {
  const { t } = useTranslation();
  return paid && priceFen ? <Tag color="purple">{t('repairs.paidTag', { yuan: yuan(priceFen) })}</Tag> : null;
}

/** ★★★★☆ with the number for screen readers. */
export function Stars({ rating }: { rating: number | null }) {
  const { t } = useTranslation();
  if (!rating) return <>{t('repairs.none')}</>;
  return (
    <span title={t('repairs.stars', { rating })} aria-label={t('repairs.stars', { rating })} className={rating <= 2 ? 'gz-rep-stars gz-rep-stars-low' : 'gz-rep-stars'}>
      {'★'.repeat(rating)}
      <span aria-hidden className="gz-rep-stars-off">
        {'★'.repeat(5 - rating)}
      </span>
    </span>
  );
}
