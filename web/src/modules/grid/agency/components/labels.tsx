import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgencyCaseStatus, AgencyBookingStatus } from '#server/modules/grid/contract.ts';

const CASE_COLOUR: Record<AgencyCaseStatus, string> = { accepted: 'blue', sent: 'geekblue', result: 'gold', completed: 'green', withdrawn: 'default' };
const BOOKING_COLOUR: Record<AgencyBookingStatus, string> = { requested: 'gold', confirmed: 'green', declined: 'default' };

/** A case's status as a tag; 逾期 beside it when overdue. */
export function CaseStatusTag({ status, overdue }: { status: AgencyCaseStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={CASE_COLOUR[status]}>{t(`gridAgency.status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('gridAgency.overdue')}</Tag>}
    </>
  );
}

export function BookingStatusTag({ status }: { status: AgencyBookingStatus }) {
  const { t } = useTranslation();
  return <Tag color={BOOKING_COLOUR[status]}>{t(`gridAgency.bookingStatus.${status}`)}</Tag>;
}

/** 元 from fen: 1500 → 15.00. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
