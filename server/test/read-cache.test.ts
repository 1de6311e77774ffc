import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useWorld } from './fixture.ts';
import { signIn } from './harness.ts';
import { countOnce, forgetReads, READ_TTL_MS, remember } from '../kernel/db/read-cache.ts';

const { env, w, signedIn } = useWorld();
const official = signedIn('street_official');

const roomsTotal = async () => (await official.request('GET', '/api/rooms?pageSize=1')).body.total as number;

test('the same count on the same database runs once until it expires or a write forgets it; never inside a transaction', async () => {
  let runs = 0;
  const query = (sql: string) => ({ compile: () => ({ sql, parameters: ['/a/'], query: {} }) as never, executeTakeFirstOrThrow: async () => ({ n: ++runs }) });
  const db = {} as never;
  assert.equal(await countOnce(db, query('q1')), 1);
  assert.equal(await countOnce(db, query('q1')), 1, 'remembered');
  assert.equal(await countOnce({} as never, query('q1')), 2, 'another database counts for itself');
  assert.equal(await countOnce(db, query('q2')), 3, 'another query counts for itself');
  forgetReads();
  assert.equal(await countOnce(db, query('q1')), 4, 'a committed write forgets it');
  const tx = { isTransaction: true } as never;
  assert.equal(await countOnce(tx, query('q1')), 5);
  assert.equal(await countOnce(tx, query('q1')), 6, 'inside a transaction: always counted');
});

test('a room added through the app is in the next total at once', async () => {
  const before = await roomsTotal();
  const created = await official.request('POST', '/api/places', { parentId: w.places.A1.unit, kind: 'room', name: '909', room: { floor: 9, area: '80.00', areaSource: 'register', use: 'residential' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(await roomsTotal(), before + 1);
  assert.ok(READ_TTL_MS <= 10_000, 'another process’s write shows within ten seconds');
});

test('totals are per scope: another actor’s total is not served from someone else’s', async () => {
  const building = await signIn(env.app, 'building_leader');
  const mine = (await building.request('GET', '/api/rooms?pageSize=1')).body.total as number;
  assert.ok(mine < (await roomsTotal()), 'the building leader counts only their building');
});
