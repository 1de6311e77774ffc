import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Table, type TableColumnsType } from 'antd';
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

/** A server-paged table: page and size in the URL, previous rows kept while the next page loads. */
export function ListTable<T extends object>({ query, list, columns, rowKey, emptyText, caption }: Props<T>) {
  const { t } = useTranslation();
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<T>
      size="middle"
      rowKey={rowKey}
      columns={columns}
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
