import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appDb } from '../../app.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { seedMeetingsDemo } from './meetings.seed.ts';

/**
 * The demo's joint meetings at 阳光花园's community: a monthly 三驾马车 schedule, a closed meeting with minutes,
 * positions and its items decided (now executing), an upcoming one whose notices went out. Seeding twice adds nothing.
 */
describe('demo meetings', () => {
  let env: TestEnv;
  let demo: DemoSeedContext;
  before(async () => {
    env = await startTestEnv();
    demo = await seedDemo(env.kernel, { only: ['registry', 'decisions', 'deliberation'] });
  });
  after(() => env?.close());

  test('a schedule, a closed meeting with its record, an upcoming one with notices; twice adds nothing', async () => {
    const db = appDb(env.kernel);
    const schedules = await db.selectFrom('dlb_meeting_schedules').select(['frequency', 'kind', 'active']).execute();
    assert.deepEqual(schedules, [{ frequency: 'monthly', kind: 'three_carriages', active: true }]);
    const meetings = await db.selectFrom('dlb_meetings').selectAll().orderBy('starts_at').execute();
    assert.deepEqual(meetings.map((m) => m.status), ['closed', 'scheduled']);
    const [held, next] = meetings as [(typeof meetings)[0], (typeof meetings)[0]];
    assert.ok(held.minutes && !held.minutes_public);
    assert.ok(held.starts_at < demo.now && next.starts_at > demo.now);
    const agenda = await db.selectFrom('dlb_meeting_agenda as g').innerJoin('dlb_items as i', 'i.id', 'g.item_id').select(['g.outcome_kind', 'i.stage']).where('g.meeting_id', '=', held.id).execute();
    assert.deepEqual(agenda.map((g) => [g.outcome_kind, g.stage]), [['decided', 'executing'], ['decided', 'executing']]);
    assert.ok((await db.selectFrom('dlb_meeting_positions').select('stance').where('meeting_id', '=', held.id).execute()).length >= 4);
    const signed = await db.selectFrom('dlb_meeting_attendees').select('id').where('meeting_id', '=', held.id).where('signed_in_at', 'is not', null).execute();
    assert.ok(signed.length >= 1);
    const notices = await db.selectFrom('notify_batches').select('id').where('template', '=', 'deliberation.meeting_notice').where('subject_id', '=', next.id).execute();
    assert.equal(notices.length, 1, 'the upcoming meeting’s notice went out');
    assert.deepEqual(await seedMeetingsDemo(env.kernel, demo), { meetings: 0, schedules: 0 });
    assert.equal((await verifyAuditChain(db)).ok, true);
    // The convener (shuji) sees both on the workbench; the public page of the held one hides its internal minutes.
    const shuji = await signIn(env.app, 'shuji', demo.password);
    const list = await shuji.request('GET', '/api/deliberation/meetings');
    assert.equal(list.body.total, 2);
    const page = await env.app.inject({ method: 'GET', url: `/api/public/deliberation.meeting/${held.id}` });
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(held.minutes!.slice(0, 10)));
  });
});
