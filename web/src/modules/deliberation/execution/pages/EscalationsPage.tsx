import { Alert, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { PageHeader, ScopeNote } from '../../../../workbench/components/PageHeader.tsx';
import { type EscalationRow, meanText, useEscalations } from '../api.ts';
import '../i18n.ts';

const FILTERS = ['q'] as const;

/** The street's desk: items sent up after too many poor verdicts, with their history, and items with overdue tasks. */
export function EscalationsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  const rows = useEscalations(list.query);
  const columns: TableColumnsType<EscalationRow> = [
    { title: t('deliberationExecution.field.item'), key: 'code', sorter: true, render: (_, r) => <Link to={`/deliberation/items/${r.id}`}>{`${r.code} ${r.title}`}</Link> },
    { title: t('deliberationExecution.field.place'), dataIndex: 'placeName' },
    { title: t('deliberationExecution.field.state'), dataIndex: 'stage', render: (s: string) => <Tag color={s === 'escalated' ? 'red' : 'blue'}>{t(`deliberationExecution.stage.${s}`)}</Tag> },
    { title: t('deliberationExecution.field.progress'), dataIndex: 'progressPercent', render: (p: number) => `${p}%` },
    { title: t('deliberationExecution.escalations.overdueTasks'), dataIndex: 'overdueTasks', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : '—') },
    { title: t('deliberationExecution.escalations.reopens'), dataIndex: 'reopenCount' },
    {
      title: t('deliberationExecution.escalations.verdict'),
      key: 'verdict',
      render: (_, r) => {
        const v = r.verdict as { round?: number; count?: number; meanCenti?: number } | null;
        return v && typeof v.meanCenti === 'number' ? t('deliberationExecution.section.roundLine', { count: v.count ?? 0, mean: meanText(v.meanCenti) }) : '—';
      },
    },
    { title: '', dataIndex: 'updatedAt', key: 'updatedAt', sorter: true, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <PageHeader title={t('deliberationExecution.escalations.title')} tags={<ScopeNote />} />
      <Alert type="info" showIcon title={t('deliberationExecution.escalations.intro')} style={{ marginBottom: 16 }} />
      <ListCard list={list} query={rows} columns={columns} empty={t('deliberationExecution.escalations.none')} search={{ label: t('deliberationExecution.escalations.search') }} />
    </>
  );
}
