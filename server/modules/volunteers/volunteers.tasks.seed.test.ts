import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { newId } from '../../kernel/ids.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { read, write } from './volunteers.db.ts';
import { DEMO_OPEN_TASK, seedTasks } from './volunteers.tasks.seed.ts';

/**
 * The tasks part of the demo on the registry's street, with approved volunteers as the registry part's demo makes
 * them (here: the two demo residents with logins and two neighbours without): eight tasks in every status, the open
 * 「为独居老人代取药品」 at 阳光花园 nobody has taken, the confirmed ones credited through the ledger, 13800000003 left
 * alone; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
  const street = demo.get(DEMO_STREET)!;
  const sunny = street.compounds[0]!;
  const others = await read(env.kernel)
    .selectFrom('reg_persons' as never)
    .select(['id' as never, 'name' as never])
    .where('street_id' as never, '=', street.street.id as never)
    .where('place_id' as never, '=', street.compounds[2]!.id as never)
    .orderBy('id' as never)
    .limit(2)
    .execute() as { id: string; name: string }[];
  await write({ kernel: env.kernel, actor: { accountId: '00000000-0000-0000-0000-000000000000', name: 'system', personId: null, grants: [], requestId: null, locale: 'zh-CN' } }, async (tx) => {
    const rows = [
      { personId: demo.account('13800000001')!.personId!, name: '张明远', placeId: sunny.id },
      { personId: demo.account('13800000002')!.personId!, name: '林晓雯', placeId: sunny.id },
      ...others.map((o) => ({ personId: o.id, name: o.name, placeId: street.compounds[2]!.id })),
    ];
    await tx
      .insertInto('vol_volunteers')
      .values(rows.map((r) => ({ street_id: street.street.id, id: newId(), person_id: r.personId, person_name: r.name, place_id: r.placeId, status: 'approved' as const })))
      .execute();
  });
});
after(() => env.close());

test('the tasks demo: every status, the open task at 阳光花园 untaken, confirmed ones credited once', async () => {
  const t0 = performance.now();
  const done = (await seedTasks(env.kernel, demo)) as { made: number; byStatus: Record<string, number> };
  const ms = performance.now() - t0;
  console.log(`tasks demo seeded in ${ms.toFixed(0)} ms`, done);
  assert.ok(ms < 5000, 'fast');
  assert.equal(done.made, 8);
  assert.deepEqual(done.byStatus, { open: 2, expired: 1, grabbed: 1, done: 1, confirmed: 2, cancelled: 1 });
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const tasks = await db.selectFrom('vol_tasks').selectAll().where('street_id', '=', street.street.id).execute();
  assert.equal(tasks.length, 8);

  const medicine = tasks.filter((t) => t.title === DEMO_OPEN_TASK);
  assert.equal(medicine.length, 1);
  const m = medicine[0]!;
  assert.equal(m.place_id, street.compounds[0]!.id, 'at 阳光花园');
  assert.equal(street.compounds[0]!.name, '阳光花园');
  assert.deepEqual([m.status, m.grabbed_person_id, m.points, m.minutes], ['open', null, 20, 30]);
  const daysAhead = (m.deadline.getTime() - demo.now.getTime()) / 86_400_000;
  assert.ok(daysAhead > 2 && daysAhead < 4, `${daysAhead} days ahead`);

  const confirmed = tasks.filter((t) => t.status === 'confirmed');
  for (const t of confirmed) {
    const lines = await db.selectFrom('vol_points_ledger').selectAll().where('street_id', '=', street.street.id).where('source_kind', '=', 'task').where('source_id', '=', t.id).execute();
    assert.equal(lines.length, 1, t.title);
    assert.deepEqual([lines[0]!.person_id, lines[0]!.delta, lines[0]!.minutes], [t.grabbed_person_id, t.points, t.minutes]);
  }
  const photos = await db.selectFrom('vol_photos').select('subject_id').where('street_id', '=', street.street.id).where('subject_type', '=', 'task').execute();
  assert.equal(photos.length, 3, 'the done and the two confirmed tasks have their photo');
  assert.ok(tasks.every((t) => t.created_at <= demo.now && (t.done_at ?? demo.now) <= demo.now), 'nothing happens after the demo’s now');
  const journey = demo.account('13800000003')!.personId!;
  assert.ok(!tasks.some((t) => t.grabbed_person_id === journey));
  assert.equal((await db.selectFrom('vol_volunteers').select('id').where('person_id', '=', journey).execute()).length, 0, '13800000003 is no volunteer');

  // As the staff and the phone see it.
  const juweihui = await signIn(env.app, 'juweihui', demo.password);
  const board = (await juweihui.request('GET', '/api/volunteers/tasks?pageSize=50')).body;
  assert.ok(board.total >= 4 && board.items.some((t: { title: string }) => t.title === DEMO_OPEN_TASK));
  assert.equal((await juweihui.request('GET', '/api/volunteers/tasks?status=done')).body.total, 1, 'one waits for 安和社区 to confirm');
  const zhou = await signIn(env.app, '13800000003', demo.password);
  const phone = (await zhou.request('GET', '/api/me/volunteers/tasks')).body;
  assert.equal(phone.volunteer, null);
  assert.ok(phone.open.some((t: { title: string }) => t.title === DEMO_OPEN_TASK), 'offered to her at 阳光花园');

  assert.deepEqual(await seedTasks(env.kernel, demo), { skipped: 'seeded already' });
});
