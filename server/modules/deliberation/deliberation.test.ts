import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildWorld, type World } from '../../test/fixture.ts';
import { countRows, type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { RecordsSort } from './deliberation.schemas.ts';

/** The deliberation module's rules: a record is written with its audit entry; bad input writes nothing; the list sorts. */
let env: TestEnv;
let w: World;
let official: Session;
before(async () => {
  env = await startTestEnv();
  w = await buildWorld(env.kernel);
  official = await signIn(env.app, 'street_official');
});
after(() => env.close());

test('a record is added with its audit entry, and listed', async () => {
  const before = await countRows(env.kernel, ['dlb_records', 'audit_log']);
  const created = await official.request('POST', '/api/deliberation/records', { placeId: w.places.A, title: '第一条记录' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const after = await countRows(env.kernel, ['dlb_records', 'audit_log']);
  assert.equal(after['dlb_records'], before['dlb_records']! + 1);
  assert.equal(after.audit_log, before.audit_log! + 1);
  const entry = await env.kernel.db.selectFrom('audit_log').select(['action', 'subject_id']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  assert.deepEqual(entry, { action: 'deliberation.record.created', subject_id: created.body.id });
  const list = await official.request('GET', `/api/deliberation/records?placeId=${w.places.A}&q=第一条`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.items.map((r: { title: string }) => r.title), ['第一条记录']);
});

test('bad input answers 400 and writes nothing', async () => {
  const before = await countRows(env.kernel, ['dlb_records', 'audit_log']);
  for (const body of [{ placeId: w.places.A, title: '' }, { placeId: w.places.A, title: 'x'.repeat(101) }, { placeId: 'not-an-id', title: '标题' }, { title: '无地点' }]) {
    const r = await official.request('POST', '/api/deliberation/records', body);
    assert.equal(r.status, 400, JSON.stringify(body));
  }
  assert.deepEqual(await countRows(env.kernel, ['dlb_records', 'audit_log']), before);
});

test('the list sorts by each of its columns, both ways; an unknown column answers 400', async () => {
  const ids: string[] = [];
  for (const [placeId, title] of [[w.places.A, 'Sort B'], [w.places.C1, 'Sort C'], [w.places.G1, 'Sort A']] as const) {
    const created = await official.request('POST', '/api/deliberation/records', { placeId, title });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    ids.push(created.body.id);
    env.clock.advance(60_000);
  }
  const [r1, r2, r3] = ids as [string, string, string];
  // By place: in the tree's order (a community before its grid before the grid's compound).
  await expectSorts(env.kernel, official, `/api/deliberation/records?placeId=${w.places.C1}`, RecordsSort, {
    createdAt: [r1, r2, r3],
    title: [r3, r1, r2],
    place: [r2, r3, r1],
  });
});
