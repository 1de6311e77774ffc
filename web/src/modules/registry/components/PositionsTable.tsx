import { Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import type { Person } from '../api.ts';
import { OrganisationKindTag } from './labels.tsx';

export type PositionRow = Person['positions'][number];

/** "2024-01-01 – 2028-12-31", "2024-01-01 起", or nothing when no term was recorded. */
export function useTermText() {
  const { t } = useTranslation();
  return (p: Pick<PositionRow, 'termStart' | 'termEnd'>) => {
    if (!p.termStart && !p.termEnd) return t('position.noTerm');
    if (!p.termEnd) return t('position.since', { start: formatDate(p.termStart) });
    return `${formatDate(p.termStart) || '…'} – ${formatDate(p.termEnd)}`;
  };
}

/** Positions from one side: a person's offices, or an organisation's members. */
export function PositionsTable({ rows, side }: { rows: PositionRow[]; side: 'organisation' | 'person' }) {
  const { t } = useTranslation();
  const term = useTermText();
  const holder: TableColumnsType<PositionRow>[number] =
    side === 'organisation'
      ? {
          title: t('position.organisation'),
          key: 'org',
          render: (_, p) => (
            <>
              <Link to={`/registry/organisations/${p.organisationId}`}>{p.organisationName}</Link>{' '}
              <OrganisationKindTag kind={p.organisationKind} />
            </>
          ),
        }
      : { title: t('person.name'), key: 'person', render: (_, p) => <Link to={`/registry/persons/${p.personId}`}>{p.personName}</Link> };
  const columns: TableColumnsType<PositionRow> = [
    holder,
    { title: t('position.title'), dataIndex: 'title' },
    { title: t('position.term'), key: 'term', render: (_, p) => term(p) },
    { title: t('position.place'), dataIndex: 'placeName', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<PositionRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('position.none')} /> }}
    />
  );
}
