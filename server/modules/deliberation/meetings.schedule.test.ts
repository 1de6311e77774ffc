import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PASSWORD } from '../../test/fixture.ts';
import { type Session, signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { generateScheduledMeetings, meetingScheduleJob, occurrencesBetween } from './use-cases/generate-scheduled-meetings.ts';
import { buildMeetingsWorld, type MeetingsWorld } from './meetings.test-world.ts';

/**
 * Recurring meetings: the job, driven by the kernel's clock, puts each occurrence of the coming seven days on the
 * calendar exactly once — however often it runs, even twice at the same moment — with its attendees and notice.
 * The test clock starts on Sunday 2026-11-22 09:00 China time.
 */
let env: TestEnv;
let w: MeetingsWorld;
let secretary: Session;
const DAY = 86_400_000;

before(async () => {
  env = await startTestEnv();
  w = await buildMeetingsWorld(env.kernel);
  secretary = await signIn(env.app, 'community_secretary', PASSWORD);
});
after(() => env.close());

test('occurrences: the window is [now, now + 7 days], in China time (hand-counted)', () => {
  const now = new Date('2026-11-22T09:00:00+08:00'); // a Sunday
  const days = (s: Parameters<typeof occurrencesBetween>[0]) => occurrencesBetween(s, now).map((o) => o.startsAt.toISOString());
  // Sunday 08:00: today's is past; next Sunday's (29th 08:00) is within the 7 days (until the 29th 09:00).
  assert.deepEqual(days({ frequency: 'weekly', day: 7, at_time: '08:00' }), ['2026-11-29T00:00:00.000Z']);
  // Sunday 10:00: today's is ahead; next Sunday's 10:00 is past the window.
  assert.deepEqual(days({ frequency: 'weekly', day: 7, at_time: '10:00' }), ['2026-11-22T02:00:00.000Z']);
  // Sunday 09:00 exactly: now and now + 7 days both count.
  assert.deepEqual(days({ frequency: 'weekly', day: 7, at_time: '09:00' }), ['2026-11-22T01:00:00.000Z', '2026-11-29T01:00:00.000Z']);
  // Wednesday (3) 19:30 → the 25th.
  assert.deepEqual(days({ frequency: 'weekly', day: 3, at_time: '19:30' }), ['2026-11-25T11:30:00.000Z']);
  // Monthly on the 25th at 19:30 → the 25th; on the 1st → 1 December 00:30 China is within; on the 10th → none.
  assert.deepEqual(days({ frequency: 'monthly', day: 25, at_time: '19:30' }), ['2026-11-25T11:30:00.000Z']);
  assert.deepEqual(days({ frequency: 'monthly', day: 10, at_time: '19:30' }), []);
  // 00:30 China on the 28th is 16:30 UTC on the 27th: the day is China's.
  assert.deepEqual(days({ frequency: 'monthly', day: 28, at_time: '00:30' }), ['2026-11-27T16:30:00.000Z']);
});

test('the job generates exactly one meeting per occurrence, with attendees and notice, however often it runs', async () => {
  const created = await secretary.request('POST', '/api/deliberation/meeting-schedules', {
    placeId: w.places.A,
    title: '阳光花园三驾马车例会',
    kind: 'three_carriages',
    convenerKind: 'party_org',
    convenerOrgId: w.orgs.partyC1,
    bodies: [w.organisations.ownersCommitteeA, w.organisations.pc1],
    frequency: 'weekly',
    day: 3,
    atTime: '19:30',
    location: '小区会议室',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const paused = await secretary.request('POST', '/api/deliberation/meeting-schedules', {
    placeId: w.places.A,
    title: '暂停的例会',
    kind: 'other',
    convenerKind: 'owners_committee',
    convenerOrgId: w.organisations.ownersCommitteeA,
    bodies: [w.organisations.ownersCommitteeA],
    frequency: 'weekly',
    day: 4,
    atTime: '19:30',
    location: '小区会议室',
  });
  assert.equal((await secretary.request('PATCH', `/api/deliberation/meeting-schedules/${paused.body.id}`, { active: false })).status, 200);

  const generated = async () =>
    env.kernel.db.selectFrom('dlb_meetings' as never).select(['id', 'occurrence', 'starts_at'] as never).where('schedule_id' as never, 'is not', null as never).orderBy('starts_at' as never).execute() as unknown as Promise<{ id: string; occurrence: string; starts_at: Date }[]>;
  assert.equal(meetingScheduleJob.run, generateScheduledMeetings);
  assert.deepEqual(await generateScheduledMeetings(env.kernel), { created: 1 });
  assert.deepEqual(await generateScheduledMeetings(env.kernel), { created: 0 }, 'a second run adds nothing');
  const [a, b] = await Promise.all([generateScheduledMeetings(env.kernel), generateScheduledMeetings(env.kernel)]);
  assert.equal(a.created + b.created, 0);
  let rows = await generated();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.starts_at.toISOString(), '2026-11-25T11:30:00.000Z');
  const meeting = await secretary.request('GET', `/api/deliberation/meetings/${rows[0]!.id}`);
  assert.deepEqual(meeting.body.attendees.map((x: { name: string }) => x.name).sort(), ['周洁', '王丽'].sort(), 'the holders of the bodies’ positions');
  const resident = await signIn(env.app, '13800000001', PASSWORD);
  assert.ok(JSON.stringify((await resident.request('GET', '/api/notify/inbox')).body).includes('阳光花园三驾马车例会'), 'the notice went out');

  // A week later: the next Wednesday, once — even when two runs race.
  env.clock.advance(7 * DAY);
  const [c, d] = await Promise.all([generateScheduledMeetings(env.kernel), generateScheduledMeetings(env.kernel)]);
  assert.equal(c.created + d.created, 1);
  rows = await generated();
  assert.deepEqual(rows.map((r) => r.starts_at.toISOString()), ['2026-11-25T11:30:00.000Z', '2026-12-02T11:30:00.000Z']);
});
