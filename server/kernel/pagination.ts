import { z } from 'zod';
import { sql } from 'kysely';

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
}

export const offsetOf = (q: PageQuery) => (q.page - 1) * q.pageSize;

/** A page from its rows and the list's total, read side by side. */
export async function paginate<T>(q: PageQuery, items: Promise<T[]>, count: Promise<{ n: number | string | bigint } | number>): Promise<Page<T>> {
  const [rows, total] = await Promise.all([items, count]);
  return { items: rows, total: typeof total === 'number' ? total : Number(total.n), page: q.page, pageSize: q.pageSize };
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
