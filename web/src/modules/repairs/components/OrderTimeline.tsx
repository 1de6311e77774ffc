import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import type { OrderEvent } from '../api.ts';
import { eventDetail } from '../format.ts';

const COLOR: Record<string, string> = {
  reported: 'blue',
  finished: 'green',
  rated: 'green',
  returned: 'gray',
  cancelled: 'gray',
  escalated: 'red',
  supervised: 'orange',
  answered: 'green',
  auto_closed: 'gray',
};

/** Who did what, when: every step of the order, oldest first. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      className="gz-rep-timeline"
      items={events.map((e) => {
        const detail = eventDetail(t, e);
        return {
          key: e.id,
          color: e.action === 'rated' && typeof e.detail?.rating === 'number' && e.detail.rating <= 2 ? 'red' : (COLOR[e.action] ?? 'blue'),
          content: (
            <div>
              <div>
                <Typography.Text strong>{t(`repairs.event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                <Typography.Text type="secondary">
                  {' · '}
                  {e.bySystem ? t('repairs.system') : e.actorName} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </Typography.Text>
              </div>
              {detail && <div className="gz-rep-event-detail">{detail}</div>}
              {e.note && <div className="gz-rep-event-note">{e.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
