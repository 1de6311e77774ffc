import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NoticeStatus } from '#server/modules/supervision/contract.ts';

const COLOR: Record<NoticeStatus, string> = { issued: 'orange', reissued: 'volcano', responded: 'blue', closed: 'green' };

export function NoticeStatusTag({ status }: { status: NoticeStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]}>{t(`supervisionRectification.status.${status}`)}</Tag>;
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? <Tag color="red">{t('supervisionRectification.overdue')}</Tag> : null;
}
