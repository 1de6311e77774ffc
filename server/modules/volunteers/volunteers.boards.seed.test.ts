import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../demo/seed-demo.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './volunteers.db.ts';
import { DEMO_BANNED_WORDS, seedBoards } from './volunteers.boards.seed.ts';

/**
 * The boards part of the demo on the registry's street: the street's banned words; carpools and second-hand items at
 * three compounds (张明远's weekday ride to 和平区人民医院 with a seat taken, items reserved and given, photos); one
 * listing reported and waiting in juweihui's moderation queue, one hidden with a reason; 周雨桐 untouched; a second
 * run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the boards demo: banned words, carpools and items, one reported and one hidden listing', async () => {
  const t0 = performance.now();
  const done = (await seedBoards(env.kernel, demo)) as { words: number; listings: number; reported: number; hidden: number };
  console.log(`boards demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const words = await db.selectFrom('vol_banned_words').select('word').where('street_id', '=', street.street.id).execute();
  assert.deepEqual(words.map((w) => w.word).sort(), [...DEMO_BANNED_WORDS].sort());
  for (const w of ['微信转账', '代开发票', '高利贷', '赌博']) assert.ok(DEMO_BANNED_WORDS.includes(w));
  const listings = await db.selectFrom('vol_listings').selectAll().where('street_id', '=', street.street.id).execute();
  assert.equal(listings.length, done.listings);
  assert.equal(new Set(listings.map((l) => l.place_id)).size, 3, 'three compounds');
  assert.deepEqual(new Set(listings.map((l) => l.kind)), new Set(['carpool', 'secondhand']));
  for (const title of ['婴儿推车（可平躺）', '实木书桌', '电饭煲（4 升）']) assert.ok(listings.some((l) => l.title === title), title);
  assert.ok(listings.some((l) => l.status === 'reserved') && listings.some((l) => l.status === 'given'));
  assert.ok((await db.selectFrom('vol_photos').select('id').where('street_id', '=', street.street.id).where('subject_type', '=', 'listing').execute()).length >= 2, 'items with photos');

  const zhang = await demo.as('13800000001');
  const ride = listings.find((l) => l.kind === 'carpool' && l.owner_person_id === zhang!.actor.personId)!;
  assert.equal(ride.route_to, '和平区人民医院');
  assert.equal(ride.route_from, '阳光花园北门');
  const shanghai = new Date(ride.departs_at!.getTime() + 8 * 3_600_000);
  assert.equal(shanghai.toISOString().slice(11, 16), '07:30');
  assert.ok(![0, 6].includes(shanghai.getUTCDay()), 'a weekday');
  assert.ok(ride.departs_at! > demo.now);

  const hidden = listings.filter((l) => l.hidden_at);
  assert.equal(hidden.length, 1);
  assert.match(hidden[0]!.hidden_reason!, /购物卡/);
  const zhou = demo.account('13800000003')!;
  assert.ok(!listings.some((l) => l.owner_person_id === zhou.personId), '周雨桐 is left alone');
  assert.equal((await db.selectFrom('vol_board_requests').select('id').where('requester_person_id', '=', zhou.personId!).execute()).length, 0);

  const juweihui = await signIn(env.app, 'juweihui', demo.password);
  const queue = (await juweihui.request('GET', '/api/volunteers/moderation?state=reported')).body;
  assert.equal(queue.total, 1);
  assert.equal(queue.items[0].openReports, 2);
  const hiddenRows = (await juweihui.request('GET', '/api/volunteers/moderation?state=hidden')).body;
  assert.equal(hiddenRows.items[0].hiddenReason, hidden[0]!.hidden_reason);

  const h5 = await signIn(env.app, '13800000001', demo.password);
  const compound = street.compounds[0]!;
  const board = (await h5.request('GET', `/api/volunteers/boards/listings?compoundId=${compound.id}&kind=carpool`)).body;
  assert.ok(board.items.some((r: { id: string; seatsLeft: number }) => r.id === ride.id && r.seatsLeft === 2), 'one of three seats taken');
  const page = (await h5.request('GET', `/api/volunteers/boards/listings/${ride.id}`)).body;
  assert.equal(page.requests[0].status, 'accepted');
  assert.match(page.requests[0].contact.phone ?? '1', /^1\d{10}$|^1$/);
  assert.ok(!(await h5.request('GET', `/api/volunteers/boards/listings?compoundId=${compound.id}&kind=secondhand&pageSize=200`)).body.items.some((r: { id: string }) => r.id === hidden[0]!.id));

  assert.deepEqual(await seedBoards(env.kernel, demo), { skipped: 'seeded already' });
});
