import { Button, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { optionsOf, StatusSwitch } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
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
    { title: t('activation.claims.createdAt'), dataIndex: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('activation.claims.room'), dataIndex: 'roomLabel', sorter: true },
    { title: t('activation.claims.claimedName'), dataIndex: 'claimedName', sorter: true },
    { title: t('activation.claims.idLast4'), dataIndex: 'idLast4', render: (v: string | null) => (v ? `****${v}` : '—') },
    { title: t('activation.claims.claimant'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('activation.claims.methodLabel'), dataIndex: 'method', sorter: true, render: (m: ClaimRow['method']) => t(`activation.claims.method.${m}`) },
    {
      title: t('activation.claims.reasonLabel'),
      dataIndex: 'reason',
      render: (r: ClaimRow['reason']) => (r ? <Tag color="warning">{t(`activation.claims.reason.${r}`)}</Tag> : '—'),
    },
    {
      title: t('activation.claims.statusLabel'),
      dataIndex: 'status',
      sorter: true,
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
      <PageHeader title={t('activation.claims.title')} tags={<ScopeNote />} />
      <ListCard
        list={list}
        query={claims}
        columns={columns}
        empty={status === 'pending' ? t('activation.claims.nonePending') : t('activation.claims.none')}
        intro={<Typography.Paragraph type="secondary">{t('activation.claims.hint')}</Typography.Paragraph>}
      >
        <StatusSwitch list={list} field="status" label={t('activation.claims.statusLabel')} options={optionsOf(STATUSES, (s) => t(`activation.claims.status.${s}`))} />
      </ListCard>
      {open && <ClaimReviewModal key={open} claimId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
