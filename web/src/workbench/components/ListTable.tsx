import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../shared/api.ts';
import type { ListParams } from '../../shared/list-params.ts';
import { ErrorState } from './ErrorState.tsx';

interface Props<T> {
  query: UseQueryResult<Page<T>>;
  list: ListParams<string>;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  /** What an empty list means here, e.g. "no one matches 王". */
  emptyText?: string;
  caption?: string;
}

/** A sortable column cycles ascending ↔ descending; the reset button of the filter bar brings the default order back. */
const SORT_DIRECTIONS: ('ascend' | 'descend')[] = ['ascend', 'descend', 'ascend'];

/**
 * The columns marked `sorter: true` sort on the server by their `key` (or `dataIndex`), the sort key the list's
 * query declares; the header shows the order the URL asks for, else the one the server says it used.
 */
function sortableColumns<T>(columns: TableColumnsType<T>, list: ListParams<string>, page: Page<T> | undefined): TableColumnsType<T> {
  const sort = list.sorting.sort ?? page?.sort;
  const order = list.sorting.sort ? (list.sorting.order ?? page?.order) : page?.order;
  return columns.map((column) => {
    if (!column.sorter) return column;
    const key = String(column.key ?? ('dataIndex' in column ? column.dataIndex : ''));
    return { ...column, key, sorter: true, sortDirections: SORT_DIRECTIONS, sortOrder: key === sort ? (order === 'desc' ? 'descend' : 'ascend') : null };
  });
}

/** A server-paged table: page, size and sort in the URL, previous rows kept while the next page loads. */
export function ListTable<T extends object>({ query, list, columns, rowKey, emptyText, caption }: Props<T>) {
  const { t } = useTranslation();
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const onChange: TableProps<T>['onChange'] = (_pagination, _filters, sorter, { action }) => {
    const by = Array.isArray(sorter) ? sorter[0] : sorter;
    if (action === 'sort') list.setSort(by?.order ? String(by.columnKey) : undefined, by?.order === 'descend' ? 'desc' : 'asc');
  };
  return (
    <Table<T>
      size="middle"
      rowKey={rowKey}
      columns={sortableColumns(columns, list, query.data)}
      onChange={onChange}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      scroll={{ x: 'max-content' }}
      title={caption ? () => caption : undefined}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('common.empty')} /> }}
      pagination={{
        current: list.page,
        pageSize: list.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: (page, size) => list.setPage(size !== list.pageSize ? 1 : page, size),
      }}
    />
  );
}
