import { type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { APPEAL_STATUSES } from '#server/modules/supervision/contract.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader } from '../../../../workbench/components/PageHeader.tsx';
import { type AppealRow, useAppeals } from '../api.ts';
import { EntryDrawer } from '../components/EntryDrawer.tsx';
import { AppealTag } from '../components/labels.tsx';

const FILTERS = ['q', 'status'] as const;

/** 黑榜申诉: the appeals the actor sees (the street: to decide; a company: its own), each opening its entry. */
export function AppealsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const list = useListParams(FILTERS);
  const appeals = useAppeals(list.query);
  const open = (id: string | null) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('entry', id);
      else next.delete('entry');
      return next;
    });
  const columns: TableColumnsType<AppealRow> = [
    { title: t('supervisionLists.col.submittedAt'), dataIndex: 'submittedAt', key: 'submittedAt', sorter: true, render: (v: string) => formatDateTime(v) },
    { title: t('supervisionLists.col.period'), dataIndex: 'period', key: 'period', sorter: true },
    { title: t('supervisionLists.col.company'), dataIndex: 'companyName', key: 'company', sorter: true },
    { title: t('supervisionLists.col.grade'), dataIndex: 'grade' },
    { title: t('supervisionLists.entry.reasons'), dataIndex: 'reasons', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>{v}</Typography.Text> },
    { title: t('supervisionLists.col.appeal'), dataIndex: 'status', key: 'status', sorter: true, render: (v: AppealRow['status']) => <AppealTag status={v} /> },
    { title: '', key: 'open', render: (_, r) => <a onClick={() => open(r.entryId)}>{t('supervisionLists.action.open')}</a> },
  ];
  return (
    <>
      <PageHeader title={t('supervisionLists.appeals.title')} />
      <ListCard
        list={list}
        query={appeals}
        columns={columns}
        search={{ label: t('supervisionLists.page.search') }}
        selects={[{ field: 'status', label: t('supervisionLists.col.appeal'), options: optionsOf(APPEAL_STATUSES, (s) => t(`supervisionLists.appealStatus.${s}`)) }]}
        empty={{ none: t('supervisionLists.appeals.empty'), noMatch: t('supervisionLists.page.noMatch') }}
      />
      <EntryDrawer id={search.get('entry')} onClose={() => open(null)} />
    </>
  );
}
