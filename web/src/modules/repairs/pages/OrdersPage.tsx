import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CATEGORIES, STATUSES } from '#server/modules/repairs/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { ListTable } from '../../../workbench/components/ListTable.tsx';
import { PageHeader } from '../../../workbench/components/PageHeader.tsx';
import { SearchInput } from '../../../workbench/components/SearchInput.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { mayRepairs } from '../access.ts';
import { type OrderRow, useOrders } from '../api.ts';
import { OverdueTag, PaidTag, Stars, StatusTag } from '../components/labels.tsx';
import { ReportOnBehalfModal } from '../components/ReportOnBehalfModal.tsx';
import { EXPORT_LIMIT, exportOrdersXlsx } from '../export-orders.ts';

const FILTERS = ['q', 'status', 'category', 'overdue', 'mine', 'placeId', 'from', 'to'] as const;

/** 报修工单: the orders in scope, searchable and filterable, newest first; export; report for a resident. */
export function OrdersPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  // A drill-down from the figures names its compound in the URL; otherwise the workbench scope.
  const filter = { ...list.query, placeId: list.filters.placeId ?? scope?.id };
  const orders = useOrders(filter);
  const [reporting, setReporting] = useState(false);
  const total = orders.data?.total ?? 0;


  const columns: TableColumnsType<OrderRow> = [
    { title: t('repairs.field.no'), dataIndex: 'no', render: (no: string, o) => <Link to={`/repairs/orders/${o.id}`}>{no}</Link> },
    {
      title: t('repairs.field.place'),
      key: 'place',
      render: (_, o) => (
        <>
          {o.compoundName}
          {o.placeLabel && <Typography.Text type="secondary"> / {o.placeLabel}</Typography.Text>}
        </>
      ),
    },
    { title: t('repairs.field.category'), dataIndex: 'category', render: (c: string) => t(`repairs.category.${c}`) },
    { title: t('repairs.field.description'), dataIndex: 'description', ellipsis: true, width: 260 },
    {
      title: t('repairs.field.status'),
      dataIndex: 'status',
      render: (_, o) => (
        <Flex gap={4} wrap>
          <StatusTag status={o.status} />
          <OverdueTag overdue={o.overdue} />
          <PaidTag paid={o.paidService} priceFen={o.priceFen} />
        </Flex>
      ),
    },
    { title: t('repairs.field.reportedAt'), dataIndex: 'reportedAt', render: (v: string) => formatDateTime(v) },
    { title: t('repairs.field.assignee'), dataIndex: 'assigneeName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('repairs.unassigned')}</Typography.Text> },
    { title: t('repairs.field.rating'), dataIndex: 'rating', render: (r: number | null) => <Stars rating={r} /> },
  ];
  const filtered = Object.keys(list.filters).length > 0;

  return (
    <>
      <PageHeader
        title={t('menu.repairOrders')}
        tags={scope && <Typography.Text type="secondary">{t('scope.within', { name: scope.name })}</Typography.Text>}
        extra={
          <>
            <ExportButton
              total={total}
              limit={EXPORT_LIMIT}
              i18nPrefix="repairs.list"
              run={(progress) => exportOrdersXlsx({ ...list.filters, placeId: filter.placeId }, t, progress)}
            />
            {mayRepairs(me, 'reportOnBehalf') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)}>
                {t('repairs.list.reportOnBehalf')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="gz-toolbar" align="center">
          <SearchInput list={list} label={t('repairs.list.search')} width={300} />
          <Select
            aria-label={t('repairs.list.statusFilter')}
            placeholder={t('repairs.list.statusFilter')}
            allowClear
            value={list.filters.status}
            onChange={(status?: string) => list.setFilters({ status })}
            options={STATUSES.map((s) => ({ value: s, label: t(`repairs.status.${s}`) }))}
            style={{ width: 150 }}
          />
          <Select
            aria-label={t('repairs.list.categoryFilter')}
            placeholder={t('repairs.list.categoryFilter')}
            allowClear
            value={list.filters.category}
            onChange={(category?: string) => list.setFilters({ category })}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`repairs.category.${c}`) }))}
            style={{ width: 140 }}
          />
          <Select
            aria-label={t('repairs.list.overdueFilter')}
            placeholder={t('repairs.list.overdueFilter')}
            allowClear
            value={list.filters.overdue}
            onChange={(overdue?: string) => list.setFilters({ overdue })}
            options={[
              { value: 'true', label: t('repairs.overdue') },
              { value: 'false', label: t('repairs.notOverdue') },
            ]}
            style={{ width: 130 }}
          />
          {mayRepairs(me, 'handle') && (
            <Checkbox checked={list.filters.mine === 'true'} onChange={(e) => list.setFilters({ mine: e.target.checked ? 'true' : undefined })}>
              {t('repairs.list.mine')}
            </Checkbox>
          )}
        </Flex>
        <ListTable query={orders} list={list} columns={columns} rowKey="id" emptyText={filtered ? t('repairs.list.noMatch') : t('repairs.list.none')} />
      </Card>
      <ReportOnBehalfModal open={reporting} onClose={() => setReporting(false)} />
    </>
  );
}
