import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Status } from '#server/modules/repairs/contract.ts';

const COLOR: Record<Status, string> = {
  submitted: 'warning',
  accepted: '#1f6fd1',
  dispatched: '#1f6fd1',
  in_progress: '#1f6fd1',
  finished: 'success',
  reopened: 'danger',
  closed: 'default',
  returned: 'default',
  cancelled: 'default',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} fill={status === 'finished' ? 'solid' : 'outline'} className="gz-rep-status">
      {t(`repairs.status.${status}`)}
    </Tag>
  );
}
