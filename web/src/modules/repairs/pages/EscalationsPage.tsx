import { Alert, App, Button, Card, Flex, Select, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { type EscalationRow, useEscalations } from '../api.ts';
import { SuperviseModal } from '../components/OrderActions.tsx';
import { StatusTag } from '../components/labels.tsx';

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
    { title: t('repairs.field.no'), dataIndex: 'no', render: (no: string, e) => <Link to={`/repairs/orders/${e.orderId}`}>{no}</Link> },
    {
      title: t('repairs.field.place'),
      key: 'place',
      render: (_, e) => (
        <>
          {e.compoundName}
          {e.placeLabel && <Typography.Text type="secondary"> / {e.placeLabel}</Typography.Text>}
        </>
      ),
    },
    { title: t('repairs.field.category'), dataIndex: 'category', render: (c: string) => t(`repairs.category.${c}`) },
    { title: t('repairs.escalations.kind'), dataIndex: 'kind', render: (k: string) => <Tag color="red">{t(`repairs.escalationKind.${k}`)}</Tag> },
    {
      title: t('repairs.escalations.dueAt'),
      dataIndex: 'dueAt',
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
    { title: t('repairs.escalations.orderStatus'), dataIndex: 'status', render: (_, e) => <StatusTag status={e.status} /> },
    {
      title: t('repairs.escalations.supervision'),
      key: 'supervision',
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
      <PageHeader
        title={t('repairs.escalations.title')}
        tags={scope && <Typography.Text type="secondary">{t('scope.within', { name: scope.name })}</Typography.Text>}
      />
      <Alert type="info" showIcon title={t('repairs.escalations.intro')} style={{ marginBottom: 16 }} />
      <Card>
        <Flex gap={12} wrap className="gz-toolbar">
          <Select
            aria-label={t('repairs.escalations.kind')}
            placeholder={t('repairs.escalations.kind')}
            allowClear
            value={list.filters.kind}
            onChange={(kind?: string) => list.setFilters({ kind })}
            options={(['response', 'completion'] as const).map((k) => ({ value: k, label: t(`repairs.escalationKind.${k}`) }))}
            style={{ width: 150 }}
          />
          <Select
            aria-label={t('repairs.escalations.supervisedFilter')}
            placeholder={t('repairs.escalations.supervisedFilter')}
            allowClear
            value={list.filters.supervised}
            onChange={(supervised?: string) => list.setFilters({ supervised })}
            options={[
              { value: 'false', label: t('repairs.escalations.supervisedNo') },
              { value: 'true', label: t('repairs.escalations.supervisedYes') },
            ]}
            style={{ width: 150 }}
          />
        </Flex>
        <ListTable query={escalations} list={list} columns={columns} rowKey="id" emptyText={t('repairs.escalations.none')} />
      </Card>
      {supervising && (
        <SuperviseModal
          escalationId={supervising}
          onClose={() => setSupervising(null)}
          onDone={() => void message.success(t('repairs.dialog.done', { action: t('repairs.detail.supervise') }))}
        />
      )}
    </>
  );
}
