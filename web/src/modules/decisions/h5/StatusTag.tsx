import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { DecisionStatus } from './api.ts';

const COLOR: Record<DecisionStatus, string> = {
  draft: 'default',
  roll_published: 'warning',
  open: 'primary',
  closed: 'default',
  published: 'success',
};

/** A decision's status as the owner reads it. */
export function StatusTag({ status }: { status: DecisionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} fill="outline" className="gz-dec-tag">
      {t(`decisionsH5.status.${status}`)}
    </Tag>
  );
}
