import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MediationCaseStatus } from '#server/modules/grid/contract.ts';

const COLOUR: Record<MediationCaseStatus, string> = { applied: 'gold', accepted: 'blue', in_session: 'geekblue', agreed: 'green', failed: 'volcano', declined: 'default' };

/** A case's status as a tag; 超期 beside it when overdue, 街道 when escalated. */
export function CaseStatusTag({ status, overdue, level }: { status: MediationCaseStatus; overdue?: boolean; level?: 'community' | 'street' }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={COLOUR[status]}>{t(`gridMediation.status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('gridMediation.overdue')}</Tag>}
      {level === 'street' && <Tag color="purple">{t('gridMediation.level.street')}</Tag>}
    </>
  );
}
