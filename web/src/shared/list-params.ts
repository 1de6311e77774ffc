import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SortOrder = 'asc' | 'desc';
/** The column a list is sorted by and which way, as the API takes them (both absent: the list's default order). */
export interface Sorting {
  sort?: string;
  order?: SortOrder;
}

export interface ListParams<F extends string> {
  page: number;
  pageSize: number;
  filters: Partial<Record<F, string>>;
  /** Changes filters and goes back to page 1 (the old page may not exist any more). */
  setFilters: (patch: Partial<Record<F, string | undefined>>) => void;
  setPage: (page: number, pageSize?: number) => void;
  /** The sort the URL asks for; empty when the list is in its default order. */
  sorting: Sorting;
  /** Sorts by a column (none: back to the default order), from page 1. */
  setSort: (sort?: string, order?: SortOrder) => void;
  /** The list as it first opens: no filter, the default order, page 1. */
  reset: () => void;
  /** page, pageSize, the filters and the sort, ready for the API's query string. */
  query: Record<string, string | number>;
}

const ORDERS: readonly string[] = ['asc', 'desc'] satisfies SortOrder[];

/**
 * The state of a paged, filtered, sorted list kept in the URL, so Back, reload and shared links show the
 * same rows. `keys` (a module-level constant) names the filters a page understands; `sort`/`order` name
 * a column the server declared sortable (an unknown one answers 400); anything else in the URL is ignored.
 */
export function useListParams<F extends string>(keys: readonly F[], defaultPageSize = 20): ListParams<F> {
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(search.get('pageSize')) || defaultPageSize));
  const filters = useMemo(() => {
    const out: Partial<Record<F, string>> = {};
    for (const k of keys) {
      const v = search.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [search, keys]);

  /** Sets (or, empty, removes) parameters and goes back to page 1, in place of the history entry. */
  const change = useCallback(
    (patch: Record<string, string | undefined>) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | undefined][]) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const setPage = useCallback(
    (p: number, size?: number) =>
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        if (p > 1) next.set('page', String(p));
        else next.delete('page');
        if (size && size !== defaultPageSize) next.set('pageSize', String(size));
        else if (size) next.delete('pageSize');
        return next;
      }),
    [setSearch, defaultPageSize],
  );

  const sort = search.get('sort') || undefined;
  const order = search.get('order') ?? '';
  const sorting = useMemo<Sorting>(() => (sort ? { sort, order: ORDERS.includes(order) ? (order as SortOrder) : undefined } : {}), [sort, order]);
  const setSort = useCallback((column?: string, direction?: SortOrder) => change({ sort: column, order: column && direction }), [change]);
  const reset = useCallback(() => change(Object.fromEntries([...keys, 'sort', 'order'].map((k) => [k, undefined]))), [change, keys]);

  const query = useMemo(
    () => Object.fromEntries(Object.entries({ ...filters, ...sorting, page, pageSize }).filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    [filters, sorting, page, pageSize],
  );
  return { page, pageSize, filters, setFilters: change, setPage, sorting, setSort, reset, query };
}
