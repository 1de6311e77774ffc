import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListParams<F extends string> {
  page: number;
  pageSize: number;
  filters: Partial<Record<F, string>>;
  /** Changes filters and goes back to page 1 (the old page may not exist any more). */
  setFilters: (patch: Partial<Record<F, string | undefined>>) => void;
  setPage: (page: number, pageSize?: number) => void;
  /** page, pageSize and the filters, ready for the API's query string. */
  query: Record<string, string | number>;
}

/**
 * The state of a paged, filtered list kept in the URL, so Back, reload and shared links show the
 * same rows. `keys` (a module-level constant) names the filters a page understands; anything else in the
 * URL is ignored.
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

  const setFilters = useCallback(
    (patch: Partial<Record<F, string | undefined>>) =>
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

  const query = useMemo(() => ({ ...filters, page, pageSize }) as Record<string, string | number>, [filters, page, pageSize]);
  return { page, pageSize, filters, setFilters, setPage, query };
}
