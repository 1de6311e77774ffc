import { Button, Card, Flex, Segmented, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type ClaimRow, useClaims } from '../api.ts';
import { ClaimReviewModal } from '../components/ClaimReviewModal.tsx';

const FILTERS = ['status'] as const;
const STATUSES = ['pending', 'approved', 'rejected', 'activated', 'all'] as const;
export const CLAIM_STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'default', activated: 'success', superseded: 'default' } as const;

/** 认领审核: claims that did not match at once, for the residents' committee to approve or reject. */
export function ClaimsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const status = list.filters.status ?? 'pending';
  const claims = useClaims({ ...list.query, status: status === 'all' ? undefined : status, placeId: scope?.id });
  const [open, setOpen] = useState<string | null>(null);

  const columns: TableColumnsType<ClaimRow> = [
    { title: t('activation.claims.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('activation.claims.room'), dataIndex: 'roomLabel' },
    { title: t('activation.claims.claimedName'), dataIndex: 'claimedName' },
    { title: t('activation.claims.idLast4'), dataIndex: 'idLast4', render: (v: string | null) => (v ? `****${v}` : '—') },
    { title: t('activation.claims.claimant'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('activation.claims.methodLabel'), dataIndex: 'method', render: (m: ClaimRow['method']) => t(`activation.claims.method.${m}`) },
    {
      title: t('activation.claims.reasonLabel'),
      dataIndex: 'reason',
      render: (r: ClaimRow['reason']) => (r ? <Tag color="warning">{t(`activation.claims.reason.${r}`)}</Tag> : '—'),
    },
    {
      title: t('activation.claims.statusLabel'),
      dataIndex: 'status',
      render: (s: ClaimRow['status'], c) => (
        <Tooltip title={c.decidedBy ? `${t('activation.claims.decided', { name: c.decidedBy, at: formatDateTime(c.decidedAt) })}${c.decisionNote ? ` · ${c.decisionNote}` : ''}` : undefined}>
          <Tag color={CLAIM_STATUS_COLOR[s]}>{t(`activation.claims.status.${s}`)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button size="small" type={c.status === 'pending' ? 'primary' : 'default'} onClick={() => setOpen(c.id)}>
          {c.status === 'pending' ? t('activation.claims.review') : t('activation.claims.detail')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('activation.claims.title')}
        tags={scope && <Typography.Text type="secondary">{t('scope.within', { name: scope.name })}</Typography.Text>}
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('activation.claims.hint')}</Typography.Paragraph>
        <Flex className="gz-toolbar">
          <Segmented
            aria-label={t('activation.claims.statusLabel')}
            value={status}
            onChange={(s) => list.setFilters({ status: s === 'pending' ? undefined : s })}
            options={STATUSES.map((s) => ({ value: s, label: t(`activation.claims.status.${s}`) }))}
          />
        </Flex>
        <ListTable
          query={claims}
          list={list}
          columns={columns}
          rowKey="id"
          emptyText={status === 'pending' ? t('activation.claims.nonePending') : t('activation.claims.none')}
        />
      </Card>
      {open && <ClaimReviewModal key={open} claimId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
