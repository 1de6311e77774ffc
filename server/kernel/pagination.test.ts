import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { nullsLast, PageQuery, pageWithTotal, paginate, sortable } from './pagination.ts';

test('pageWithTotal: the total from the rows; counted apart only for an empty page past the first', async () => {
  let counted = 0;
  const count = async () => ({ n: (counted++, '7') });
  const rows = [
    { id: 'a', total_rows: '7' },
    { id: 'b', total_rows: '7' },
  ];
  assert.deepEqual(await pageWithTotal({ page: 1, pageSize: 2 }, Promise.resolve(rows), count), {
    items: [{ id: 'a' }, { id: 'b' }],
    total: 7,
    page: 1,
    pageSize: 2,
  });
  assert.equal(counted, 0, 'no second statement when the page has rows');
  assert.equal((await pageWithTotal({ page: 1, pageSize: 2 }, Promise.resolve([]), count)).total, 0);
  assert.equal(counted, 0, 'an empty first page means an empty list');
  assert.equal((await pageWithTotal({ page: 9, pageSize: 2 }, Promise.resolve([]), count)).total, 7);
  assert.equal(counted, 1, 'past the end: counted');
});

/** Compiles only: the SQL a sort gives, without a database. */
const db = new Kysely<{ t: { id: string; name: string; rating: number | null; created_at: Date } }>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const Sort = sortable(
  { createdAt: 't.created_at', name: [sql`length(t.name)`, 't.name'], rating: nullsLast('t.rating') },
  { sort: 'createdAt', order: 'desc' },
  't.id',
);
const orderOf = (q: Parameters<typeof Sort.orderBy>[1]) => Sort.orderBy(db.selectFrom('t').select('t.id'), q).compile().sql.replace(/^.* order by /, '');

test('sortable: the default order, each term in the chosen direction, the id last in the same direction', () => {
  assert.equal(orderOf({}), '"t"."created_at" desc, "t"."id" desc');
  assert.equal(orderOf({ sort: 'createdAt', order: 'asc' }), '"t"."created_at" asc, "t"."id" asc');
  assert.equal(orderOf({ sort: 'name', order: 'desc' }), 'length(t.name) desc, "t"."name" desc, "t"."id" desc');
  assert.equal(orderOf({ sort: 'rating', order: 'asc' }), '"t"."rating" asc nulls last, "t"."id" asc');
  assert.equal(orderOf({ sort: 'rating', order: 'desc' }), '"t"."rating" desc nulls last, "t"."id" desc');
});

test('sortable: the query fields take the declared keys and asc/desc only, and default to the list\'s order', () => {
  const Query = PageQuery.extend({ ...Sort.query });
  assert.deepEqual(Query.parse({}), { page: 1, pageSize: 20, sort: 'createdAt', order: 'desc' });
  assert.deepEqual(Query.parse({ sort: 'name', order: 'asc' }), { page: 1, pageSize: 20, sort: 'name', order: 'asc' });
  for (const bad of [{ sort: 'nope' }, { sort: 't.id' }, { sort: 'name; drop table t' }, { sort: '__proto__' }, { order: 'up' }, { sort: ['name', 'rating'] }]) {
    assert.equal(Query.safeParse(bad).success, false, JSON.stringify(bad));
  }
  assert.deepEqual(Sort.keys, ['createdAt', 'name', 'rating']);
});

test('paginate: a sorted list says which order its rows are in', async () => {
  const page = await paginate({ page: 1, pageSize: 2, sort: 'name', order: 'asc' }, Promise.resolve([]), Promise.resolve(0));
  assert.deepEqual(page, { items: [], total: 0, page: 1, pageSize: 2, sort: 'name', order: 'asc' });
  assert.deepEqual(await paginate({ page: 1, pageSize: 2 }, Promise.resolve([]), Promise.resolve(0)), { items: [], total: 0, page: 1, pageSize: 2 });
});
