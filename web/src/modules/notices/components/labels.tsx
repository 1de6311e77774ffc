import { PushpinFilled } from '@ant-design/icons';
import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../api.ts';

const CATEGORY_COLOR = { policy: 'blue', announcement: 'geekblue', meeting: 'purple', emergency: 'red' } as const;
const STATUS_COLOR = { draft: 'default', active: 'green', published: 'green', scheduled: 'gold', expired: 'default', withdrawn: 'default' } as const;

export function CategoryTag({ category }: { category: Notice['category'] }) {
  const { t } = useTranslation();
  return <Tag color={CATEGORY_COLOR[category]}>{t(`notice.category.${category}`)}</Tag>;
}

export function NoticeStatusTag({ status }: { status: Notice['effectiveStatus'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`notice.status.${status}`)}</Tag>;
}

export function PinnedMark() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('notice.pinned')}>
      <PushpinFilled style={{ color: '#b8292f', marginInlineEnd: 6 }} aria-label={t('notice.pinned')} />
    </Tooltip>
  );
}

export function validityText(t: (k: string, o?: Record<string, unknown>) => string, n: Pick<Notice, 'validFrom' | 'validUntil'>) {
  return n.validUntil ? t('notice.validRange', { from: n.validFrom, until: n.validUntil }) : t('notice.validFromOnly', { from: n.validFrom });
}

/** "12 / 340 read" with a bar: the publisher's read count against the residents reached. */
export function ReadProgress({ notice: n, compact }: { notice: Pick<Notice, 'readCount' | 'reach' | 'status'>; compact?: boolean }) {
  const { t } = useTranslation();
  if (n.status === 'draft') return <span className="gz-muted">—</span>;
  const reach = n.reach ?? 0;
  const percent = reach ? Math.min(100, Math.round((n.readCount * 100) / reach)) : 0;
  return (
    <div style={{ minWidth: compact ? 120 : 220 }}>
      <div>{t('notice.readRatio', { read: n.readCount, reach })}</div>
      <Progress percent={percent} size="small" strokeColor="#b8292f" aria-label={t('notice.readRatio', { read: n.readCount, reach })} />
    </div>
  );
}
