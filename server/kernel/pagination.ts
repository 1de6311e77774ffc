import { z } from 'zod';
import { type Expression, type SelectQueryBuilder, sql } from 'kysely';

/** Every list takes `page`/`pageSize` and answers `{ items, total, page, pageSize }`. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** The order the rows are in, for a list that sorts (`sortable`): the asked one or the list's default. */
  sort?: string;
  order?: SortOrder;
}

export const offsetOf = (q: PageQuery) => (q.page - 1) * q.pageSize;

/** The page's echo of its order, when the list sorts. */
const orderOf = (q: PageQuery & Partial<Sorted>) => (q.sort && q.order ? { sort: q.sort, order: q.order } : {});

/** A page from its rows and the list's total, read side by side. */
export async function paginate<T>(q: PageQuery & Partial<Sorted>, items: Promise<T[]>, count: Promise<{ n: number | string | bigint } | number>): Promise<Page<T>> {
  const [rows, total] = await Promise.all([items, count]);
  return { items: rows, total: typeof total === 'number' ? total : Number(total.n), page: q.page, pageSize: q.pageSize, ...orderOf(q) };
}

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
/** A list's `sort`/`order` query parameters, once parsed. */
export interface Sorted<K extends string = string> {
  sort: K;
  order: SortOrder;
}

/** The sort a list's repository takes: `SortedBy<typeof OrdersSort>` (either may be left out: the default applies). */
export type SortedBy<S extends { keys: readonly string[] }> = Partial<Sorted<S['keys'][number]>>;

/** What a sort key orders by: a column reference ('o.reported_at') or an SQL expression. */
type SortTerm = string | Expression<unknown>;
interface SortColumn {
  by: readonly SortTerm[];
  nullsLast: true;
}
/** A key whose empty values (no rating yet, nobody assigned) come last, ascending and descending alike. */
export const nullsLast = (...by: SortTerm[]): SortColumn => ({ by, nullsLast: true });
const isSortColumn = (c: SortTerm | readonly SortTerm[] | SortColumn): c is SortColumn => typeof c === 'object' && 'by' in c && 'nullsLast' in c;

/**
 * A list's sortable columns, declared once, e.g.
 * `sortable({ reportedAt: 'o.reported_at', no: 'o.no', place: ['compound.name', 'p.path'] }, { sort: 'reportedAt', order: 'desc' }, 'o.id')`:
 * - `query`: the `sort` (one of the keys) and `order` (asc | desc) fields to spread into the list's query schema
 *   (`PageQuery.extend({ …, ...OrdersSort.query })`); an unknown key answers 400, and without them the default applies;
 * - `orderBy(select, q)`: ORDER BY the key's terms in the chosen direction, then the row id (`id`) in the same direction,
 *   so rows with equal values page deterministically and descending is ascending reversed (but for `nullsLast` keys).
 */
export function sortable<const K extends string>(
  columns: Record<K, SortTerm | readonly SortTerm[] | SortColumn>,
  defaults: { sort: NoInfer<K>; order: SortOrder },
  id: string,
) {
  const keys = Object.keys(columns) as [K, ...K[]];
  const termsOf = (key: K): { by: readonly SortTerm[]; nullsLast: boolean } => {
    const c = columns[key];
    return isSortColumn(c) ? c : { by: typeof c === 'string' || !Array.isArray(c) ? [c as SortTerm] : (c as readonly SortTerm[]), nullsLast: false };
  };
  return {
    keys,
    defaults,
    query: {
      sort: z.enum(keys).default(defaults.sort).describe(`the column to sort by (default ${defaults.sort})`),
      order: z.enum(SORT_ORDERS).default(defaults.order),
    },
    orderBy<DB, TB extends keyof DB, O>(select: SelectQueryBuilder<DB, TB, O>, q: Partial<Sorted<K>>): SelectQueryBuilder<DB, TB, O> {
      const order = q.order ?? defaults.order;
      const { by, nullsLast } = termsOf(q.sort ?? defaults.sort);
      let out = select;
      for (const term of by) {
        const expr: Expression<unknown> = typeof term === 'string' ? sql.ref(term) : term;
        out = nullsLast ? out.orderBy(expr, (ob) => (order === 'asc' ? ob.asc() : ob.desc()).nullsLast()) : out.orderBy(expr, order);
      }
      return out.orderBy(sql.ref(id), order);
    },
  };
}

/**
 * For short lists (a resident's own orders, unread notices, a compound's posts): the total in the
 * page's own statement, `count(*) over ()`, instead of a second statement. Not for long lists, where
 * the window makes the database read every row instead of stopping at the page.
 */
export const totalInRow = () => sql<string>`count(*) over ()`.as('total_rows');

/** A page whose rows carry `totalInRow`; counted apart (`countPastEnd`) only when a later page is empty. */
export async function pageWithTotal<T extends { total_rows: string | number | bigint }>(
  q: PageQuery,
  rows: Promise<T[]>,
  countPastEnd: () => Promise<{ n: number | string | bigint }>,
): Promise<Page<Omit<T, 'total_rows'>>> {
  const found = await rows;
  const total = found.length > 0 ? Number(found[0]!.total_rows) : q.page === 1 ? 0 : Number((await countPastEnd()).n);
  return { items: found.map(({ total_rows: _total, ...row }) => row), total, page: q.page, pageSize: q.pageSize };
}
