import { type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GREEN_ADOPTION_STATUSES } from '#server/modules/volunteers/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type AdoptionRow, download, useAdoptions } from '../api.ts';
import { DecisionButtons } from '../components/DecisionButtons.tsx';
import { GreenTabs } from '../components/GreenTabs.tsx';

const FILTERS = ['q', 'status'] as const;
export const ADOPTION_COLOR = { pending: 'orange', active: 'green', rejected: 'red', withdrawn: 'default', ended: 'default' } as const;

/** 认养申请: applications and adoptions of my places — filter by status (the to-do opens ?status=pending), decide. */
export function AdoptionsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: scope?.id };
  const adoptions = useAdoptions(query);
  const columns: TableColumnsType<AdoptionRow> = [
    { title: t('volGreen.col.appliedAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('volGreen.col.compound'), dataIndex: 'compoundName', key: 'compound', sorter: true },
    { title: t('volGreen.col.plot'), dataIndex: 'plotName', key: 'plot', sorter: true, render: (v: string, r) => <Link to={`/volunteers/green/plots/${r.plotId}`}>{v}</Link> },
    { title: t('volGreen.col.area'), dataIndex: 'areaText', align: 'right' },
    { title: t('volGreen.col.adopter'), dataIndex: 'personName', key: 'person', sorter: true },
    { title: t('volGreen.col.room'), dataIndex: 'roomLabel', render: (v: string | null) => v ?? '—' },
    { title: t('volGreen.col.fromDay'), dataIndex: 'fromDay', key: 'fromDay', sorter: true },
    { title: t('volGreen.col.toDay'), dataIndex: 'toDay' },
    {
      title: t('volGreen.col.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      render: (v: AdoptionRow['status'], r) => (
        <>
          <Tag color={ADOPTION_COLOR[v]}>{t(`volGreen.adoptionStatus.${v}`)}</Tag>
          {(r.rejectReason || r.endReason) && <div style={{ color: '#888', fontSize: 12 }}>{r.rejectReason ?? r.endReason}</div>}
        </>
      ),
    },
    { title: t('volGreen.col.note'), dataIndex: 'note', ellipsis: true },
    { title: t('common.actions'), key: 'actions', render: (_, r) => (r.canManage ? <DecisionButtons adoption={r} /> : null) },
  ];
  return (
    <>
      <PageHeader
        title={t('volGreen.adoptions.title')}
        tags={<ScopeNote />}
        extra={<ExportButton total={adoptions.data?.total ?? 0} limit={20000} i18nPrefix="volGreen.page" run={() => download('/api/volunteers/green/adoptions/export.xlsx', query, `${t('volGreen.adoptions.title')}.xlsx`)} />}
      />
      <GreenTabs />
      <ListCard
        list={list}
        query={adoptions}
        columns={columns}
        search={{ label: t('volGreen.adoptions.search') }}
        selects={[{ field: 'status', label: t('volGreen.col.status'), options: GREEN_ADOPTION_STATUSES.map((s) => ({ value: s, label: t(`volGreen.adoptionStatus.${s}`) })) }]}
        empty={{ none: t('volGreen.adoptions.none'), noMatch: t('volGreen.adoptions.noMatch') }}
      />
    </>
  );
}
