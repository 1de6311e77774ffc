import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appDb } from '../app.ts';
import { useRepairsWorld } from '../modules/repairs/test-support.ts';
import { announceDueNotices } from '../modules/notices/use-cases/announce-notice.ts';
import { type Session, signIn } from './harness.ts';

/**
 * What each module tells whom through the notification service (kernel/notify): the recipient's inbox
 * after the change that tells them, nobody else's, and nothing for a change that is not theirs to hear.
 * The delivery itself (SMS, WeChat, quiet hours, crashes) is the kernel's test.
 */
const { env, w, signedIn } = useRepairsWorld();
const alice = signedIn('13800000001'); // owner of A-1-101
const tom = signedIn('13800000002'); // tenant of A-1-102, same compound
const bob = signedIn('13800000003'); // owner in compound B
const committee = signedIn('committee_staff');
const staff = signedIn('property_staff');
const manager = signedIn('property_manager');

type Message = { id: string; template: string; title: string; body: string; link: string | null; urgent: boolean };
const inbox = async (s: Session): Promise<Message[]> => {
  const r = await s.request('GET', '/api/notify/inbox?pageSize=100');
  assert.equal(r.status, 200);
  return r.body.items;
};
/** The messages that arrived for `s` while `work` ran. */
async function told(s: Session, work: () => Promise<unknown>): Promise<Message[]> {
  const before = new Set((await inbox(s)).map((m) => m.id));
  await work();
  return (await inbox(s)).filter((m) => !before.has(m.id));
}
const ok = async <T = any>(p: Promise<{ status: number; body: T }>): Promise<T> => {
  const r = await p;
  assert.ok(r.status < 300, JSON.stringify(r.body));
  return r.body;
};

describe('notices', () => {
  const publish = (body: object) => ok(committee.request('POST', '/api/notices', { placeId: w.places.A, category: 'announcement', title: '停水通知', body: '明天停水', publish: true, ...body }));

  test("publishing tells the residents under the notice's place, in their inbox, once", async () => {
    let id = '';
    const forAlice = await told(alice, async () => (id = (await publish({ title: '小区停水通知' })).id));
    assert.deepEqual(forAlice.map((m) => [m.template, m.title, m.link]), [['notices.published', '新公告：小区停水通知', `/h5/notices/${id}`]]);
    assert.ok((await inbox(tom)).some((m) => m.link === `/h5/notices/${id}`), 'the tenant of the same compound too');
    assert.ok(!(await inbox(bob)).some((m) => m.link === `/h5/notices/${id}`), 'not the owner in another compound');
    // Pinning it later tells nobody again.
    assert.deepEqual(await told(alice, () => ok(committee.request('PATCH', `/api/notices/${id}`, { pinned: true }))), []);
  });
});

describe('repairs', () => {
  test('the resident hears their order accepted; the staff hear nothing of their own work, the resident nothing of their own withdrawal', async () => {
    const order = await ok(alice.request('POST', '/api/repairs/orders', { category: 'water', description: '厨房水管漏水', placeId: w.rooms.A101 }));
    const me = alice;
    const accepted = await told(me, () => ok(staff.request('POST', `/api/repairs/orders/${order.id}/accept`, {})));
    assert.deepEqual(accepted.map((m) => [m.template, m.body, m.link]), [['repairs.progress', '您报修的「给排水」已受理。', `/h5/services/repairs/${order.id}`]]);
    assert.deepEqual(await inbox(staff), [], 'the staff member is not told of their own acceptance');
    // The resident's own withdrawal is not echoed back to them.
    const second = await ok(me.request('POST', '/api/repairs/orders', { category: 'electric', description: '楼道灯不亮', placeId: w.rooms.A101 }));
    assert.deepEqual(await told(me, () => ok(me.request('POST', `/api/repairs/orders/${second.id}/cancel`, {}))), []);
  });
});

describe('opinions', () => {
  test('the poster hears the answer; a neighbour does not', async () => {
    const post = await ok(alice.request('POST', '/api/opinions', { visibility: 'public', addressee: 'property_company', title: '快递柜太少', body: '希望增加快递柜' }));
    const me = alice;
    const neighbour = tom;
    const before = (await inbox(neighbour)).length;
    const answered = await told(me, () => ok(manager.request('POST', `/api/opinions/${post.id}/answer`, { answer: '下月增加两组快递柜' })));
    assert.deepEqual(answered.map((m) => [m.template, m.link]), [['opinions.answered', `/h5/decide/opinions/${post.id}`]]);
    assert.match(answered[0]!.body, /快递柜太少/);
    assert.equal((await inbox(neighbour)).length, before);
  });
});

describe('approvals', () => {
  test('approvers covering the place hear of a request; the requester hears the decision', async () => {
    const official = await signIn(env.app, 'street_official');
    const second = await signIn(env.app, 'street2');
    let approvalId = '';
    const waiting = await told(committee, async () => {
      approvalId = (await ok(official.request('POST', '/api/households', { roomId: w.rooms.A102, personId: w.persons.bob, relation: 'co_owner', shareBp: 2000 }))).approvalId;
    });
    assert.deepEqual(waiting.map((m) => [m.template, m.link]), [['kernel.approval_requested', '/approvals?status=pending']]);
    assert.match(waiting[0]!.body, /^street_official 提交：/);
    const decided = await told(official, () => ok(second.request('POST', `/api/approvals/${approvalId}/reject`, { note: '材料不全' })));
    assert.deepEqual(decided.map((m) => [m.template, m.title]), [['kernel.approval_decided', '您的申请已驳回']]);
    assert.ok(!(await inbox(alice)).some((m) => m.template.startsWith('kernel.approval')), 'residents are not approvers');
  });
});

// Last: it moves the clock a day on, past every session's idle time.
describe('notices, a day later', () => {
  const publish = (body: object) => ok(committee.request('POST', '/api/notices', { placeId: w.places.A, category: 'announcement', title: '停水通知', body: '明天停水', publish: true, ...body }));
  test('a notice published ahead is told on its first valid day, by the job; an emergency is urgent and texted', async () => {
    const later = await publish({ title: '明天起施工', validFrom: '2026-11-23' });
    assert.ok(!(await inbox(alice)).some((m) => m.link === `/h5/notices/${later.id}`), 'not before it can be opened');
    assert.equal((await announceDueNotices(env.kernel)).announced, 0);
    env.clock.advance(24 * 3600_000);
    const onTheDay = await told(await signIn(env.app, '13800000001'), () => announceDueNotices(env.kernel));
    assert.deepEqual(onTheDay.map((m) => m.link), [`/h5/notices/${later.id}`]);
    assert.equal((await announceDueNotices(env.kernel)).announced, 0, 'once');

    const committeeToday = await signIn(env.app, 'committee_staff');
    const emergency = await ok(
      committeeToday.request('POST', '/api/notices', { placeId: w.places.A, category: 'emergency', title: '燃气泄漏，请勿使用明火', body: '请勿使用明火', publish: true }),
    );
    const batch = await appDb(env.kernel).selectFrom('notify_batches').selectAll().where('subject_id', '=', emergency.id).executeTakeFirstOrThrow();
    assert.deepEqual([batch.template, batch.urgent, [...batch.channels].sort()], ['notices.emergency', true, ['inbox', 'sms', 'wechat']]);
  });
});
