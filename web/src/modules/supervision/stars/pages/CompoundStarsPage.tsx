import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../shared/format.ts';
import { useListParams } from '../../../../shared/list-params.ts';
import { ExportButton } from '../../../../workbench/components/ExportButton.tsx';
import { ListCard } from '../../../../workbench/components/ListCard.tsx';
import { useScope } from '../../../../workbench/scope.tsx';
import { type CompoundStars, download, useCompoundStars } from '../api.ts';
import { StarsHeader } from '../components/StarsHeader.tsx';
import { scoreText, StarsText, TypeTag } from '../components/labels.tsx';

const FILTERS = ['q', 'stars', 'placeId'] as const;

/** 有礼小区 · 小区星级: the star in force at each compound of my places — search, filter, sort, page, xlsx. */
export function CompoundStarsPage() {
  const { t } = useTranslation();
  const { scope } = useScope();
  const list = useListParams(FILTERS);
  const query = { ...list.query, placeId: list.filters.placeId ?? scope?.id };
  const stars = useCompoundStars(query);
  const columns: TableColumnsType<CompoundStars> = [
    { title: t('supervisionStars.col.compound'), key: 'compound', sorter: true, dataIndex: 'compoundName' },
    { title: t('supervisionStars.col.community'), dataIndex: 'communityName' },
    { title: t('supervisionStars.col.stars'), key: 'stars', sorter: true, render: (_, r) => <StarsText stars={r.stars} /> },
    { title: t('supervisionStars.col.type'), key: 'type', render: (_, r) => <TypeTag type={r.type} /> },
    { title: t('supervisionStars.col.score'), key: 'score', sorter: true, align: 'right', render: (_, r) => scoreText(r.scoreCenti) },
    { title: t('supervisionStars.col.period'), dataIndex: 'period' },
    { title: t('supervisionStars.col.since'), key: 'since', sorter: true, render: (_, r) => formatDate(r.since) },
  ];
  return (
    <>
      <StarsHeader
        extra={
          <ExportButton
            total={stars.data?.total ?? 0}
            limit={20000}
            i18nPrefix="supervisionStars.page"
            run={() => download('/api/supervision/stars/compounds/export.xlsx', query, `${t('supervisionStars.page.compoundsTitle')}.xlsx`)}
          />
        }
      />
      <ListCard
        list={list}
        search={{ label: t('supervisionStars.page.search') }}
        selects={[{ field: 'stars', label: t('supervisionStars.col.stars'), options: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('supervisionStars.nStars', { n }) })) }]}
        query={stars}
        columns={columns}
        empty={{ none: t('supervisionStars.page.noStars'), noMatch: t('common.noMatchFor', { q: list.filters.q ?? '' }) }}
      />
    </>
  );
}
