import { Alert, App, Button, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type EscalationRow, useEscalations } from '../api.ts';
import { SuperviseModal } from '../components/OrderActions.tsx';
import { OrderPlace, StatusTag } from '../components/labels.tsx';

const FILTERS = ['kind', 'supervised'] as const;

/** 超时督办: orders escalated for missing a deadline, for the residents' committee, the community and the street. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const escalations = useEscalations({ ...list.query, placeId: scope?.id });
  const [supervising, setSupervising] = useState<string | null>(null);

  const columns: TableColumnsType<EscalationRow> = [
    { title: t('repairs.field.no'), dataIndex: 'no', sorter: true, render: (no: string, e) => <Link to={`/repairs/orders/${e.orderId}`}>{no}</Link> },
    { title: t('repairs.field.place'), key: 'place', sorter: true, render: (_, e) => <OrderPlace row={e} /> },
    { title: t('repairs.field.category'), dataIndex: 'category', sorter: true, render: (c: string) => t(`repairs.category.${c}`) },
    { title: t('repairs.escalations.kind'), dataIndex: 'kind', sorter: true, render: (k: string) => <Tag color="red">{t(`repairs.escalationKind.${k}`)}</Tag> },
    {
      title: t('repairs.escalations.dueAt'),
      dataIndex: 'dueAt',
      sorter: true,
      render: (v: string, e) => (
        <>
          {formatDateTime(v)}
          <br />
          <Typography.Text type="secondary">{t('repairs.escalations.escalatedAtShort', { at: formatDateTime(e.escalatedAt) })}</Typography.Text>
        </>
      ),
    },
    { title: t('repairs.field.company'), dataIndex: 'companyName' },
    { title: t('repairs.escalations.committee'), key: 'committee', render: (_, e) => e.committeeName ?? e.communityName },
    { title: t('repairs.escalations.orderStatus'), dataIndex: 'status', sorter: true, render: (_, e) => <StatusTag status={e.status} /> },
    {
      title: t('repairs.escalations.supervision'),
      key: 'supervisedAt',
      sorter: true,
      render: (_, e) =>
        e.supervisedAt ? (
          <Tooltip title={`${e.supervisorName} · ${formatDateTime(e.supervisedAt)}：${e.supervisionNote ?? ''}`}>
            <Tag color="green">{t('repairs.escalations.supervisedYes')}</Tag>
          </Tooltip>
        ) : e.canSupervise ? (
          <Button size="small" type="primary" ghost onClick={() => setSupervising(e.id)}>
            {t('repairs.detail.supervise')}
          </Button>
        ) : (
          <Tag>{t('repairs.escalations.supervisedNo')}</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('repairs.escalations.title')} tags={<ScopeNote />} />
      <Alert type="info" showIcon title={t('repairs.escalations.intro')} style={{ marginBottom: 16 }} />
      <ListCard
        list={list}
        query={escalations}
        columns={columns}
        empty={t('repairs.escalations.none')}
        selects={[
          { field: 'kind', label: t('repairs.escalations.kind'), options: optionsOf(['response', 'completion'], (k) => t(`repairs.escalationKind.${k}`)) },
          {
            field: 'supervised',
            label: t('repairs.escalations.supervisedFilter'),
            options: [
              { value: 'false', label: t('repairs.escalations.supervisedNo') },
              { value: 'true', label: t('repairs.escalations.supervisedYes') },
            ],
          },
        ]}
      />
      {supervising && (
        <SuperviseModal
          escalationId={supervising}
          onClose={() => setSupervising(null)}
          onDone={() => void message.success(t('repairs.done.supervise'))}
        />
      )}
    </>
  );
}
