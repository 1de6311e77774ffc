import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICATION_STATUSES } from '#server/modules/supervision/contract.ts';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { optionsOf } from '../../../../workbench/components/FilterBar.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type ApplicationRow, useApplications } from '../api.ts';
import { StarsHeader } from '../components/StarsHeader.tsx';
import { scoreText, StarsText, StatusTag } from '../components/labels.tsx';

const FILTERS = ['q', 'status', 'placeId'] as const;

/** 有礼小区 · 星级申请: the applications I see (an assessor: those assigned to me), by status, searchable and sortable. */
export function StarsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: list.filters.placeId ?? scope?.id };
  const applications = useApplications(query);
  const columns: TableColumnsType<ApplicationRow> = [
    { title: t('supervisionStars.col.compound'), key: 'compound', sorter: true, render: (_, a) => <Link to={`/supervision/stars/applications/${a.id}`}>{a.compoundName}</Link> },
    { title: t('supervisionStars.col.community'), dataIndex: 'communityName' },
    { title: t('supervisionStars.col.period'), dataIndex: 'period' },
    { title: t('supervisionStars.col.level'), key: 'level', sorter: true, render: (_, a) => <StarsText stars={a.level} /> },
    { title: t('supervisionStars.col.assessor'), dataIndex: 'assessorName', render: (v: string | null) => v ?? '—' },
    { title: t('supervisionStars.col.score'), key: 'score', sorter: true, align: 'right', render: (_, a) => scoreText(a.scoreCenti) },
    { title: t('supervisionStars.col.stars'), key: 'stars', render: (_, a) => (a.stars ? <StarsText stars={a.stars} /> : '—') },
    { title: t('supervisionStars.col.appliedAt'), key: 'appliedAt', sorter: true, render: (_, a) => formatDate(a.appliedAt) },
    { title: t('supervisionStars.col.status'), key: 'status', sorter: true, render: (_, a) => <StatusTag status={a.status} /> },
  ];
  return (
    <>
      <StarsHeader />
      <ListCard
        list={list}
        search={{ label: t('supervisionStars.page.search') }}
        selects={[{ field: 'status', label: t('supervisionStars.col.status'), options: optionsOf(APPLICATION_STATUSES, (s) => t(`supervisionStars.status.${s}`)) }]}
        query={applications}
        columns={columns}
        empty={{ none: t('supervisionStars.page.none'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      />
    </>
  );
}
