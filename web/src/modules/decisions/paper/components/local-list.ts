import { useMemo, useState } from 'react';
import type { ListParams, SortOrder, Sorting } from '../../../../shared/list-params.ts';

/**
 * A list's page, filters and sort kept in the component, not the URL: the decision page already keeps its roll's
 * list in the URL, and two lists there would share `page` and `q`. The same shape as `useListParams`, so the
 * shared FilterBar and ListTable work on it.
 */
export function useLocalList<F extends string>(defaultPageSize = 10): ListParams<F> {
  const [state, setState] = useState<{ page: number; pageSize: number; filters: Partial<Record<F, string>>; sorting: Sorting }>({
    page: 1,
    pageSize: defaultPageSize,
    filters: {},
    sorting: {},
  });
  return useMemo(() => {
    const { page, pageSize, filters, sorting } = state;
    const query = Object.fromEntries(Object.entries({ ...filters, ...sorting, page, pageSize }).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string | number>;
    return {
      page,
      pageSize,
      filters,
      sorting,
      query,
      setFilters: (patch: Partial<Record<F, string | undefined>>) =>
        setState((s) => {
          const next = { ...s.filters } as Record<string, string | undefined>;
          for (const [k, v] of Object.entries(patch) as [string, string | undefined][]) {
            if (v) next[k] = v;
            else delete next[k];
          }
          return { ...s, page: 1, filters: next as Partial<Record<F, string>> };
        }),
      setPage: (p: number, size?: number) => setState((s) => ({ ...s, page: p, pageSize: size ?? s.pageSize })),
      setSort: (sort?: string, order?: SortOrder) => setState((s) => ({ ...s, page: 1, sorting: sort ? { sort, order } : {} })),
      reset: () => setState((s) => ({ ...s, page: 1, filters: {}, sorting: {} })),
    };
  }, [state]);
}
