import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';

const STATUS_COLOR = { draft: 'default', open: 'green', closed: 'blue' } as const;

export function SurveyStatusTag({ status }: { status: 'draft' | 'open' | 'closed' }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`surveys.status.${status}`)}</Tag>;
}

/** A `datetime-local` value ('2026-11-22T09:00') as Shanghai time ↔ an ISO instant: the builder's dates. */
export const shanghaiInput = (iso: string | null | undefined): string => (iso ? formatDateTime(iso).replace(' ', 'T') : '');
export const fromShanghaiInput = (value: string): string => new Date(`${value}:00+08:00`).toISOString();

/** 333 → '33.3%' (tenths of a percent, from integer parts on the server). */
export const tenths = (v: number) => `${Math.floor(v / 10)}.${v % 10}%`;
/** A mean given as numerator / denominator, shown with two decimals (display only). */
export const meanOf = (m: { numerator: number; denominator: number }) => (m.denominator === 0 ? '—' : (Math.round((m.numerator * 100) / m.denominator) / 100).toFixed(2));
