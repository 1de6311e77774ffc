import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CREDIT_GRADES, type CreditGrade } from '#server/modules/supervision/contract.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CompanyRow, download, type StreetRow, useCreditCompanies, useCreditStreets, useSyncCredit } from '../api.ts';
import { GradeTag, score } from '../components/labels.tsx';

const FILTERS = ['q', 'grade'] as const;

/** 企业信用: every company the user reads credit of, with its grade and score now; the street syncs the automatic records here. */
export function CreditPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const rows = useCreditCompanies(query);
  const streets = useCreditStreets();
  const managed = (streets.data ?? []).filter((s) => s.canManage);
  const decides = (streets.data ?? []).some((s) => s.canDecide);

  const columns: TableColumnsType<CompanyRow> = [
    { title: t('supervisionCredit.col.company'), dataIndex: 'companyName', key: 'company', sorter: true, render: (v: string, r) => <Link to={`/supervision/credit/companies/${r.companyId}`}>{v}</Link> },
    { title: t('supervisionCredit.col.grade'), dataIndex: 'grade', render: (g: CreditGrade) => <GradeTag grade={g} /> },
    { title: t('supervisionCredit.col.score'), dataIndex: 'scoreCenti', key: 'score', sorter: true, align: 'right', render: (v: number) => score(v) },
    { title: t('supervisionCredit.col.good'), dataIndex: 'goodCenti', key: 'good', sorter: true, align: 'right', render: (v: number) => (v ? `+${score(v)}` : '0.00') },
    { title: t('supervisionCredit.col.bad'), dataIndex: 'badCenti', key: 'bad', sorter: true, align: 'right', render: (v: number) => (v ? `−${score(v)}` : '0.00') },
    { title: t('supervisionCredit.col.records'), dataIndex: 'records', key: 'records', sorter: true, align: 'right' },
    { title: t('supervisionCredit.col.compounds'), dataIndex: 'compounds', align: 'right' },
    {
      title: t('supervisionCredit.col.pendingRepairs'),
      dataIndex: 'pendingRepairs',
      align: 'right',
      render: (v: number, r) => (v ? <Link to={`/supervision/credit/repairs?status=pending&companyId=${r.companyId}`}>{v}</Link> : 0),
    },
    ...((streets.data ?? []).length > 1 ? [{ title: t('supervisionCredit.col.street'), dataIndex: 'streetName' }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('supervisionCredit.page.title')}
        tags={<ScopeNote />}
        extra={
          <Space wrap>
            {managed.map((s) => (
              <SyncButton key={s.streetId} street={s} several={managed.length > 1} />
            ))}
            <Link to="/supervision/credit/repairs">
              <Button>{decides ? t('supervisionCredit.page.repairsToReview') : t('supervisionCredit.page.repairs')}</Button>
            </Link>
            <Link to="/supervision/credit/settings">
              <Button>{t('supervisionCredit.page.settings')}</Button>
            </Link>
            <ExportButton
              total={rows.data?.total ?? 0}
              i18nPrefix="supervisionCredit.page"
              run={() => download('/api/supervision/credit/companies/export.xlsx', query, `${t('supervisionCredit.page.title')}.xlsx`)}
            />
          </Space>
        }
      />
      <ListCard
        list={list}
        query={rows}
        columns={columns}
        intro={<Typography.Paragraph type="secondary">{t('supervisionCredit.page.intro')}</Typography.Paragraph>}
        search={{ label: t('supervisionCredit.page.search') }}
        selects={[{ field: 'grade', label: t('supervisionCredit.col.grade'), options: optionsOf(CREDIT_GRADES, (g) => t('supervisionCredit.gradeTag', { grade: g })) }]}
        empty={{ none: t('supervisionCredit.page.empty'), noMatch: t('supervisionCredit.page.noMatch') }}
      />
    </>
  );
}

/** 同步信用记录: the street's automatic records now (the hourly job does the same); says how many were added. */
function SyncButton({ street, several }: { street: StreetRow; several: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sync = useSyncCredit();
  return (
    <>
      <Popconfirm
        title={t('supervisionCredit.page.syncConfirm')}
        onConfirm={async () => {
          const r = await sync.mutateAsync({ streetId: street.streetId });
          void message.success(r.added ? t('supervisionCredit.page.synced', { count: r.added }) : t('supervisionCredit.page.syncedNone'));
        }}
      >
        <Button icon={<SyncOutlined />} loading={sync.isPending}>
          {several ? `${t('supervisionCredit.page.sync')} · ${street.streetName}` : t('supervisionCredit.page.sync')}
        </Button>
      </Popconfirm>
      {sync.error && <Alert type="error" showIcon title={sync.error.message} />}
    </>
  );
}
