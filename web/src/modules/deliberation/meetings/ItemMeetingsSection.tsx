import { Card, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useMeetings } from './api.ts';
import { MeetingStatusTag } from './components/labels.tsx';
import './i18n.ts';

/** On the workbench item page: the meetings that had this item on their agenda, latest first. */
export function ItemMeetingsSection({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const meetings = useMeetings({ itemId, pageSize: 20 });
  const rows = meetings.data?.items ?? [];
  return (
    <Card title={t('deliberationMeetings.page.itemMeetings')} loading={meetings.isPending}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deliberationMeetings.page.itemMeetingsNone')} />
      ) : (
        <List
          size="small"
          dataSource={rows}
          renderItem={(m) => (
            <List.Item>
              <Link to={`/deliberation/meetings/${m.id}`}>{m.title}</Link>
              <span>
                <Tag>{t(`deliberationMeetings.kind.${m.kind}`)}</Tag>
                <MeetingStatusTag status={m.status} /> {formatDateTime(m.startsAt)}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
