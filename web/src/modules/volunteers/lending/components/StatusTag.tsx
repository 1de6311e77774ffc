import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanStatus } from '#server/modules/volunteers/contract.ts';

const COLOR: Record<LoanStatus, string> = { requested: 'gold', declined: 'default', cancelled: 'default', lent: 'blue', returned: 'green' };

/** A loan's status on the workbench; a loan past due shows 逾期 in red. */
export function StatusTag({ status, overdue }: { status: LoanStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? <Tag color="red">{t('volLending.status.overdue')}</Tag> : <Tag color={COLOR[status]}>{t(`volLending.status.${status}`)}</Tag>;
}
