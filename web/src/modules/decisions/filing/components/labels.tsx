import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import type { FilingEvent, FilingStatus } from '../api.ts';
import '../i18n.ts';

const STATUS_COLOR: Record<FilingStatus, string> = { pending: 'default', submitted: 'processing', returned: 'warning', acknowledged: 'success' };

export function FilingStatusTag({ status }: { status: FilingStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`decisionsFiling.status.${status}`)}</Tag>;
}

/** The due day; red, with "overdue", once it passed while the package is not in. */
export function DueDate({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? (
    <Typography.Text type="danger">
      {formatDate(dueOn)} <Tag color="error">{t('decisionsFiling.overdue')}</Tag>
    </Typography.Text>
  ) : (
    <span>{t('decisionsFiling.dueIn', { date: formatDate(dueOn) })}</span>
  );
}

/** A hash shown short, copyable whole. */
export const HashText = ({ hash }: { hash: string | null | undefined }) =>
  hash ? (
    <Typography.Text code copyable={{ text: hash }} title={hash}>
      {hash.slice(0, 16)}…
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );

const EVENT_COLOR: Record<FilingEvent['action'], string> = { submitted: 'blue', acknowledged: 'green', returned: 'red' };

/** Who did what, when: every submission (with its package's hash), acknowledgement and return, oldest first. */
export function FilingTimeline({ events }: { events: FilingEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography.Text type="secondary">{t('decisionsFiling.card.noEvents')}</Typography.Text>;
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: EVENT_COLOR[e.action],
        content: (
          <div>
            <Typography.Text strong>{t(`decisionsFiling.action.${e.action}`)}</Typography.Text>
            <Typography.Text type="secondary">
              {' · v'}
              {e.version} · {e.byName} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </Typography.Text>
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
            {e.action === 'submitted' && e.packageHash && (
              <div>
                <HashText hash={e.packageHash} />
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
