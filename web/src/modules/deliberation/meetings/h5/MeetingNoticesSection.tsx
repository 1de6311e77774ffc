import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { useMyMeetings } from '../api.ts';
import '../i18n.ts';

/**
 * 议事 → 会议通知: the meetings I am invited to that are still to come (or under way), soonest first, with time,
 * place and whether I signed in. Nothing at all when there are none.
 */
export function MeetingNoticesSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMyMeetings({ upcoming: true, pageSize: 10 });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <List header={t('deliberationMeetings.h5.section')}>
      {items.map((m) => (
        <List.Item
          key={m.id}
          onClick={() => navigate(`/deliberation/meetings/${m.id}`)}
          description={
            <>
              <div>
                {formatDateTime(m.startsAt)} · {m.location}
              </div>
              <div>{m.convenerName}</div>
            </>
          }
          extra={m.signedInAt ? <Tag color="success">{t('deliberationMeetings.h5.signedIn')}</Tag> : null}
        >
          {m.title}
        </List.Item>
      ))}
    </List>
  );
}
