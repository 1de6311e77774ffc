import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appDb } from '../../app.ts';
import { DEMO_PASSWORD, type DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { seedExecutionDemo } from './execution.seed.ts';

/** The demo street comes with items at stages 4–6 in 阳光花园 and 和园小区: every execution page shows something believable. */
describe('demo execution', () => {
  let env: TestEnv;
  let demo: DemoSeedContext;
  before(async () => {
    env = await startTestEnv();
    demo = await seedDemo(env.kernel, { only: ['registry', 'deliberation'] });
  });
  after(() => env?.close());

  test('items under way (one overdue, escalated), being rated, closed and reopened once, at both compounds', async () => {
    const db = appDb(env.kernel);
    const items = await db
      .selectFrom('dlb_items as i')
      .innerJoin('places as p', 'p.id', 'i.place_id')
      .select(['p.name', 'i.title', 'i.stage', 'i.reopen_count', 'i.progress_percent'])
      // The execution part's own items (the items' and the meetings' parts seed others at the same compounds).
      .where('i.title', 'in', ['健身器材维修', '南门增设非机动车棚', '地下车库照明改造', '楼道感应灯更换'])
      .orderBy('p.name')
      .orderBy('i.title')
      .execute();
    for (const name of ['阳光花园', '和园小区']) {
      const here = items.filter((i) => i.name === name);
      const stages = here.map((i) => `${i.title}:${i.stage}:${i.reopen_count}`).sort();
      assert.deepEqual(stages, ['健身器材维修:executing:1', '南门增设非机动车棚:evaluating:0', '地下车库照明改造:executing:0', '楼道感应灯更换:closed:0'], name);
    }
    const overdue = await db.selectFrom('dlb_tasks').select(['title', 'escalated_at']).where('title', '=', '线路老化检测').execute();
    assert.equal(overdue.length, 2);
    assert.ok(overdue.every((t) => t.escalated_at), 'the overdue tasks went to the street');
    assert.ok((await db.selectFrom('dlb_task_photos').select('id').execute()).length >= 10);
    assert.deepEqual(await seedExecutionDemo(env.kernel, demo), { items: 0 }, 'seeding twice adds nothing');
  });

  test('张明远 has the round at 阳光花园 open and not rated yet; neighbours have rated', async () => {
    const me = await signIn(env.app, '13800000001', DEMO_PASSWORD);
    const shed = await appDb(env.kernel)
      .selectFrom('dlb_items as i')
      .innerJoin('places as p', 'p.id', 'i.place_id')
      .select('i.id')
      .where('p.name', '=', '阳光花园')
      .where('i.title', '=', '南门增设非机动车棚')
      .executeTakeFirstOrThrow();
    const view = await me.request('GET', `/api/me/deliberation/items/${shed.id}/execution`);
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.deepEqual([view.body.rating.open, view.body.rating.canRate, view.body.rating.mine], [true, true, null]);
    const ratings = await appDb(env.kernel).selectFrom('dlb_ratings').select('room_id').where('item_id', '=', shed.id).execute();
    assert.ok(ratings.length >= 3, `${ratings.length} neighbours rated`);
  });
});
