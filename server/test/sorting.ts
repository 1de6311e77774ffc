import assert from 'node:assert/strict';
import type { Kernel } from '../kernel/context.ts';
import { expectRefused } from './harness.ts';

interface Requester {
  request(method: 'GET', url: string): Promise<{ status: number; body: any }>;
}

/** The ids of a list's rows, hand-built by the test, in the order expected ascending (descending is its reverse) or both ways. */
export type SortExpectation = string[] | { asc: string[]; desc: string[] };

/**
 * What every sortable list owes (kernel/pagination.ts `sortable`), against rows the test built with known
 * values: for each declared key, ascending and descending, the list answers those rows in the expected order
 * (other rows of the world may sit between them) and says which order it used; without `sort` it uses its
 * default; paging through it a few rows at a time gives the same rows in the same order (ties are broken by
 * id); and an unknown key or order answers 400 with nothing written, never 500.
 */
export async function expectSorts<K extends string>(
  kernel: Kernel,
  session: Requester,
  path: string,
  sorting: { keys: readonly K[]; defaults: { sort: K; order: 'asc' | 'desc' } },
  expected: Record<K, SortExpectation>,
): Promise<void> {
  assert.deepEqual(Object.keys(expected).sort(), [...sorting.keys].sort(), 'every declared key is tested');
  const url = (params: string) => `${path}${path.includes('?') ? '&' : '?'}${params}`;
  const ids = async (params: string, wanted: string[]) => {
    const res = await session.request('GET', url(params));
    assert.equal(res.status, 200, `${params}: ${JSON.stringify(res.body)}`);
    assert.ok(res.body.total <= 200, 'the whole list fits one page');
    return { page: res.body, ids: (res.body.items as { id: string }[]).map((r) => r.id).filter((id) => wanted.includes(id)) };
  };

  for (const key of sorting.keys) {
    const want: SortExpectation = expected[key];
    const both = 'asc' in want ? want : { asc: want, desc: [...want].reverse() };
    for (const order of ['asc', 'desc'] as const) {
      const got = await ids(`sort=${key}&order=${order}&pageSize=200`, both[order]);
      assert.deepEqual(got.ids, both[order], `${key} ${order}`);
      assert.deepEqual([got.page.sort, got.page.order], [key, order]);
    }
  }

  const { sort, order } = sorting.defaults;
  const all = (await session.request('GET', url(`sort=${sort}&order=${order}&pageSize=200`))).body.items.map((r: { id: string }) => r.id) as string[];
  const byDefault = await ids('pageSize=200', all);
  assert.deepEqual(byDefault.ids, all, 'without sort: the default order');
  assert.deepEqual([byDefault.page.sort, byDefault.page.order], [sort, order]);
  const paged: string[] = [];
  for (let page = 1; paged.length < all.length && page <= all.length; page++) {
    paged.push(...(await ids(`page=${page}&pageSize=3`, all)).ids);
  }
  assert.deepEqual(paged, all, 'paging gives the same rows in the same order');

  for (const bad of ['sort=nope', 'sort=id', `sort=${sorting.keys[0]}%3Bdrop`, 'order=up', `sort=${sorting.keys[0]}&order=ascending`]) {
    await expectRefused(kernel, ['audit_log'], () => session.request('GET', url(bad)), 400, 'VALIDATION_FAILED');
  }
}

/** A time for a sorting test's rows, `minutes` after a fixed start. */
export const sortTime = (minutes: number) => new Date(Date.parse('2026-10-01T09:00:00+08:00') + minutes * 60_000);

/**
 * The rows of a sorting test, one per `values[i]`: made through the app by `make` (which answers the new
 * row's id), then given the values the sort reads, set directly by `set`. Answers the ids in that order.
 */
export async function sortRows<V>(values: readonly V[], make: (v: V) => Promise<string>, set: (id: string, v: V) => Promise<unknown>): Promise<[string, string, string]> {
  const ids: string[] = [];
  for (const v of values) {
    const id = await make(v);
    await set(id, v);
    ids.push(id);
  }
  return ids as [string, string, string];
}
