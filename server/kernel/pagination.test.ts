import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageWithTotal } from './pagination.ts';

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
