import type { UseQueryResult } from '@tanstack/react-query';
import { Card, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { Page } from '../../shared/api.ts';
import { FilterBar, type FilterBarProps } from './FilterBar.tsx';
import { ListTable } from './ListTable.tsx';

interface Props<T, F extends string> extends FilterBarProps<F> {
  query: UseQueryResult<Page<T>>;
  columns: TableColumnsType<T>;
  rowKey?: keyof T & string;
  /** What an empty list says: one text, or `none` while nothing is filtered and `noMatch` once something is. */
  empty: string | { none: string; noMatch: string };
  /** The card's title, when the list is a part of a page. */
  title?: ReactNode;
  /** A line above the filter bar. */
  intro?: ReactNode;
}

/** A list page's body: in a card, the filter bar (search, filters, reset) over the server-paged, sortable table. */
export function ListCard<T extends object, F extends string>({ query, columns, rowKey = 'id' as keyof T & string, empty, title, intro, ...filters }: Props<T, F>) {
  const filtered = Object.values(filters.list.filters).some(Boolean);
  return (
    <Card title={title}>
      {intro}
      <FilterBar {...filters} />
      <ListTable query={query} list={filters.list} columns={columns} rowKey={rowKey} emptyText={typeof empty === 'string' ? empty : filtered ? empty.noMatch : empty.none} />
    </Card>
  );
}
