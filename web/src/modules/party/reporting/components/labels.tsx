import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../api.ts';

const COLOURS: Record<ReportStatus, string> = { pending: 'gold', confirmed: 'green', rejected: 'red', withdrawn: 'default' };

/** A report's status as a tag: 待确认 / 已确认 / 已退回 / 已撤回. */
export function StatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`partyReporting.status.${status}`)}</Tag>;
}

/** Minutes as hours, one decimal: 90 → 1.5. */
export const hours = (minutes: number) => (Math.round(minutes / 6) / 10).toFixed(1);
