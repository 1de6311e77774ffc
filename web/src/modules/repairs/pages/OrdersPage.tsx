import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CATEGORIES, STATUSES } from '#server/modules/repairs/contract.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useListParams } from '../../../shared/list-params.ts';
import { useSignedIn } from '../../../shared/session.ts';
import { ExportButton } from '../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../workbench/scope.tsx';
import { mayRepairs } from '../access.ts';
import { type OrderRow, useOrders } from '../api.ts';
import { OrderPlace, OverdueTag, PaidTag, Stars, StatusTag } from '../components/labels.tsx';
import { ReportOnBehalfModal } from '../components/ReportOnBehalfModal.tsx';
import { EXPORT_LIMIT, exportOrdersXlsx } from '../export-orders.ts';

const FILTERS = ['q', 'status', 'category', 'overdue', 'mine', 'placeId', 'from', 'to'] as const;

/** 报修工单: the orders in scope, searchable, filterable and sortable (newest first at first); export; report for a resident. */
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
    { title: t('repairs.field.no'), dataIndex: 'no', sorter: true, render: (no: string, o) => <Link to={`/repairs/orders/${o.id}`}>{no}</Link> },
    { title: t('repairs.field.place'), key: 'place', sorter: true, render: (_, o) => <OrderPlace row={o} /> },
    { title: t('repairs.field.category'), dataIndex: 'category', sorter: true, render: (c: string) => t(`repairs.category.${c}`) },
    { title: t('repairs.field.description'), dataIndex: 'description', ellipsis: true, width: 260 },
    {
      title: t('repairs.field.status'),
      dataIndex: 'status',
      sorter: true,
      render: (_, o) => (
        <Flex gap={4} wrap>
          <StatusTag status={o.status} />
          <OverdueTag overdue={o.overdue} />
          <PaidTag paid={o.paidService} priceFen={o.priceFen} />
        </Flex>
      ),
    },
    { title: t('repairs.field.reportedAt'), dataIndex: 'reportedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    {
      title: t('repairs.field.assignee'),
      dataIndex: 'assigneeName',
      sorter: true,
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('repairs.unassigned')}</Typography.Text>,
    },
    { title: t('repairs.field.rating'), dataIndex: 'rating', sorter: true, render: (r: number | null) => <Stars rating={r} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.repairOrders')}
        tags={<ScopeNote />}
        extra={
          <>
            <ExportButton
              total={total}
              limit={EXPORT_LIMIT}
              i18nPrefix="repairs.list"
              run={(progress) => exportOrdersXlsx({ ...list.filters, ...list.sorting, placeId: filter.placeId }, t, progress)}
            />
            {mayRepairs(me, 'reportOnBehalf') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)}>
                {t('repairs.list.reportOnBehalf')}
              </Button>
            )}
          </>
        }
      />
      <ListCard
        list={list}
        query={orders}
        columns={columns}
        empty={{ none: t('repairs.list.none'), noMatch: t('repairs.list.noMatch') }}
        search={{ label: t('repairs.list.search'), width: 300 }}
        selects={[
          { field: 'status', label: t('repairs.list.statusFilter'), options: optionsOf(STATUSES, (s) => t(`repairs.status.${s}`)) },
          { field: 'category', label: t('repairs.list.categoryFilter'), options: optionsOf(CATEGORIES, (c) => t(`repairs.category.${c}`)), width: 140 },
          {
            field: 'overdue',
            label: t('repairs.list.overdueFilter'),
            options: [
              { value: 'true', label: t('repairs.overdue') },
              { value: 'false', label: t('repairs.notOverdue') },
            ],
            width: 130,
          },
        ]}
      >
        {mayRepairs(me, 'handle') && (
          <Checkbox checked={list.filters.mine === 'true'} onChange={(e) => list.setFilters({ mine: e.target.checked ? 'true' : undefined })}>
            {t('repairs.list.mine')}
          </Checkbox>
        )}
      </ListCard>
      <ReportOnBehalfModal open={reporting} onClose={() => setReporting(false)} />
    </>
  );
}
