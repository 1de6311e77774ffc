import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read } from './surveys.db.ts';
import { seedSurveysDemo } from './surveys.seed.ts';

/**
 * The surveys module's part of the demo at 阳光花园: an open named survey answered by others than 张明远
 * (13800000001, whom the e2e journey answers as), a closed anonymous survey with public results, a draft;
 * seeding again adds nothing.
 */
let env: TestEnv;
before(async () => {
  env = await startTestEnv();
});
after(() => env.close());

test('the demo has an open named survey 张明远 can answer, a closed anonymous one with public results, and a draft', async () => {
  const demo = await seedDemo(env.kernel, { only: ['registry', 'surveys'] });
  const compound = demo.get(DEMO_STREET)!.compounds[0]!;
  const now = env.kernel.clock.now();
  const rows = await read(env.kernel).selectFrom('srv_surveys').selectAll().where('place_id', '=', compound.id).execute();
  const open = rows.find((s) => s.status === 'open' && s.closes_at > now && s.opens_at <= now && !s.anonymous);
  const closed = rows.find((s) => s.anonymous && s.results_public && (s.status === 'closed' || s.closes_at <= now));
  assert.ok(open && open.responses > 0, 'an open named survey with answers');
  assert.ok(closed && closed.responses > 0, 'a closed anonymous survey with answers and public results');
  assert.ok(rows.some((s) => s.status === 'draft'), 'a draft');

  const zhang = await signIn(env.app, '13800000001', demo.password);
  const mine = await zhang.request('GET', '/api/me/surveys');
  assert.equal(mine.status, 200);
  const item = mine.body.items.find((s: { id: string }) => s.id === open.id);
  assert.equal(item?.state, 'open', '张明远 has not answered the open survey');
  const detail = await zhang.request('GET', `/api/me/surveys/${closed.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.state, 'closed');
  assert.equal(detail.body.results.participation.answered, closed.responses, 'public results of the closed survey');

  assert.deepEqual(await seedSurveysDemo(env.kernel, demo), { surveys: 0, answers: 0 });
});
