import { Button, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CREDIT_REPAIR_STATUSES, type CreditRepairStatus } from '#server/modules/supervision/contract.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type RepairRow, useCreditRepairs, useCreditStreets } from '../api.ts';
import { DecideRepairModal } from '../components/DecideRepairModal.tsx';
import { signedPoints } from '../components/labels.tsx';

const FILTERS = ['q', 'status', 'companyId'] as const;
const STATUS_COLOUR: Record<CreditRepairStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** 信用修复申请: the street reviews the companies' applications here (the to-do opens it on the pending ones); a company sees its own. */
export function CreditRepairsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const rows = useCreditRepairs({ ...list.query, placeId: scope?.id });
  const streets = useCreditStreets();
  const decides = new Set((streets.data ?? []).filter((s) => s.canDecide).map((s) => s.streetId));
  const [deciding, setDeciding] = useState<RepairRow | null>(null);

  const columns: TableColumnsType<RepairRow> = [
    { title: t('supervisionCredit.repair.appliedAt'), dataIndex: 'appliedAt', key: 'appliedAt', sorter: true, render: (v: string) => formatDateTime(v), width: 150 },
    { title: t('supervisionCredit.col.company'), dataIndex: 'companyName', key: 'company', sorter: true, render: (v: string, r) => <Link to={`/supervision/credit/companies/${r.companyId}`}>{v}</Link> },
    {
      title: t('supervisionCredit.repair.record'),
      dataIndex: 'recordLabel',
      render: (v: string, r) => (
        <>
          {v}（{signedPoints(r.pointsCenti)}）<div style={{ fontSize: 12, opacity: 0.75 }}>{r.basis}</div>
        </>
      ),
    },
    { title: t('supervisionCredit.repair.statement'), dataIndex: 'statement', ellipsis: true },
    { title: t('supervisionCredit.repair.applicant'), dataIndex: 'applicantName', width: 100 },
    {
      title: t('supervisionCredit.repair.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      render: (s: CreditRepairStatus, r) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLOUR[s]}>{t(`supervisionCredit.repairStatus.${s}`)}</Tag>
          {r.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.deciderName} {formatDate(r.decidedAt)}：{r.reason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'action',
      width: 90,
      render: (_, r) =>
        r.status === 'pending' && decides.has(r.streetId) ? (
          <Button size="small" type="primary" onClick={() => setDeciding(r)}>
            {t('supervisionCredit.decide.open')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('supervisionCredit.repairs.title')} tags={<ScopeNote />} breadcrumb={<Link to="/supervision/credit">{t('supervisionCredit.page.title')}</Link>} />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        intro={<Typography.Paragraph type="secondary">{t('supervisionCredit.repairs.intro')}</Typography.Paragraph>}
        search={{ label: t('supervisionCredit.repairs.search') }}
        selects={[{ field: 'status', label: t('supervisionCredit.repair.status'), options: optionsOf(CREDIT_REPAIR_STATUSES, (s) => t(`supervisionCredit.repairStatus.${s}`)) }]}
        empty={{ none: t('supervisionCredit.repairs.empty'), noMatch: t('supervisionCredit.repairs.noMatch') }}
      />
      {deciding && <DecideRepairModal repair={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
