import { Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LENDING_KINDS, LOAN_FILTERS } from '#server/modules/volunteers/contract.ts';
import { formatDate, formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { download, LOANS, type LoanRowJson, useLoans } from '../api.ts';
import { StatusTag } from '../components/StatusTag.tsx';

const FILTERS = ['q', 'kind', 'status'] as const;

/** 工具图书借用: the loans of the compounds in scope, the overdue first — search, filter, sort, page, export. */
export function LoansPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const loans = useLoans(query);

  const columns: TableColumnsType<LoanRowJson> = [
    {
      title: t('volLending.col.title'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      render: (v: string, r) => (
        <Space size={4}>
          <Tag>{t(`volLending.kind.${r.kind}`)}</Tag>
          {v}
        </Space>
      ),
    },
    { title: t('volLending.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('volLending.col.owner'), dataIndex: 'ownerName' },
    { title: t('volLending.col.borrower'), dataIndex: 'borrowerName' },
    {
      title: t('volLending.col.status'),
      key: 'status',
      render: (_, r) => (
        <Space size={4} wrap>
          <StatusTag status={r.status} overdue={r.overdue} />
          {r.overdue && <Typography.Text type="danger">{t('volLending.page.overdueDays', { days: r.overdueDays })}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('volLending.col.requestedAt'), dataIndex: 'requestedAt', key: 'requestedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('volLending.col.lentOn'), dataIndex: 'lentOn', render: (v: string | null) => formatDate(v) },
    { title: t('volLending.col.dueOn'), dataIndex: 'dueOn', key: 'dueOn', sorter: true, render: (v: string | null) => formatDate(v) },
    { title: t('volLending.col.returnedAt'), dataIndex: 'returnedAt', render: (v: string | null) => formatDateTime(v) },
    { title: t('volLending.col.remindedOn'), dataIndex: 'remindedOn', render: (v: string | null) => formatDate(v) },
  ];

  return (
    <>
      <PageHeader
        title={t('volLending.page.title')}
        tags={<ScopeNote />}
        extra={
          <ExportButton
            total={loans.data?.total ?? 0}
            limit={20000}
            i18nPrefix="volLending.page"
            run={() => download(`${LOANS}/export.xlsx`, query, `${t('volLending.page.title')}.xlsx`)}
          />
        }
      />
      <ListCard
        list={list}
        query={loans}
        columns={columns}
        intro={<Typography.Paragraph type="secondary">{t('volLending.page.intro')}</Typography.Paragraph>}
        search={{ label: t('volLending.page.search') }}
        selects={[
          { field: 'kind', label: t('volLending.col.kind'), options: LENDING_KINDS.map((k) => ({ value: k, label: t(`volLending.kind.${k}`) })) },
          { field: 'status', label: t('volLending.col.status'), options: LOAN_FILTERS.map((s) => ({ value: s, label: t(`volLending.status.${s}`) })) },
        ]}
        empty={{ none: t('volLending.page.none'), noMatch: t('volLending.page.noMatch') }}
      />
    </>
  );
}
