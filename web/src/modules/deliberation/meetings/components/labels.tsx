import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '#server/modules/deliberation/contract.ts';

const COLOR: Record<MeetingStatus, string> = { scheduled: 'blue', signing_in: 'orange', closed: 'green', cancelled: 'default' };

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]}>{t(`deliberationMeetings.status.${status}`)}</Tag>;
}
