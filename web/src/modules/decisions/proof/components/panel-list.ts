import { useMemo, useState } from 'react';
import type { ListParams, SortOrder, Sorting } from '../../../../shared/list-params.ts';

/**
 * A list's state kept in the panel, not the URL: the decision page shows several lists at once (the roll, 扫楼,
 * 委托, 送达), and one `page` or `q` in the URL would move them all. The same shape as useListParams, so the
 * shared FilterBar and ListTable work with it.
 */
export function usePanelList<F extends string>(defaultPageSize = 10, initial: Partial<Record<F, string>> = {}): ListParams<F> {
  const [filters, setFiltersState] = useState<Partial<Record<F, string>>>(initial);
  const [page, setPageState] = useState(1);
  const [pageSize, setPageSize] = useState(defaultPageSize);
  const [sorting, setSorting] = useState<Sorting>({});
  const query = useMemo(
    () => Object.fromEntries(Object.entries({ ...filters, ...sorting, page, pageSize }).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>,
    [filters, sorting, page, pageSize],
  );
  return {
    page,
    pageSize,
    filters,
    setFilters: (patch) => {
      setFiltersState((f) => {
        const next = { ...f };
        for (const [k, v] of Object.entries(patch) as [F, string | undefined][]) {
          if (v) next[k] = v;
          else delete next[k];
        }
        return next;
      });
      setPageState(1);
    },
    setPage: (p, size) => {
      setPageState(p);
      if (size) setPageSize(size);
    },
    sorting,
    setSort: (sort?: string, order?: SortOrder) => {
      setSorting(sort ? { sort, order } : {});
      setPageState(1);
    },
    reset: () => {
      setFiltersState(initial);
      setSorting({});
      setPageState(1);
    },
    query,
  };
}
