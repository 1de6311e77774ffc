import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Ctx } from '../../kernel/context.ts';
import { repairsModule } from './index.ts';
import { ctxFor, signInClient, useRepairsWorld } from './test-support.ts';
import { acceptOrder } from './use-cases/accept-order.ts';
import { cancelOrder } from './use-cases/cancel-order.ts';
import { closeUnrated } from './use-cases/close-unrated.ts';
import { dispatchOrder } from './use-cases/dispatch-order.ts';
import { escalateOverdue } from './use-cases/escalate-overdue.ts';
import { finishOrder } from './use-cases/finish-order.ts';
import { rateOrder } from './use-cases/rate-order.ts';
import { reportOrder } from './use-cases/report-order.ts';
import { startOrder } from './use-cases/start-order.ts';
import { updateSettings } from './use-cases/settings.ts';
import { read } from './repairs.db.ts';

/**
 * The background jobs, driven by the ManualClock rather than by waiting: overdue orders escalate
 * to the community's residents' committee (exactly those, exactly once), unrated ones close. Use
 * cases are called directly here because hours pass between steps, far past the sessions' idle
 * timeout; the HTTP side is checked with fresh sign-ins.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const { env, w, setUp } = useRepairsWorld();
const alice = setUp('alice', () => ctxFor(env.kernel, w.accounts.resident));
const staff = setUp('staff', () => ctxFor(env.kernel, w.accounts.property_staff));
const zed = setUp('zed', () => ctxFor(env.kernel, w.accounts.zed));

const report = (ctx: Ctx, category: 'water' | 'elevator' | 'other' | 'doors', placeId: string) =>
  reportOrder(ctx, { category, description: `测试${category}`, placeId, channel: 'app' }).then((o) => o.id);

const escalationsOf = async (orderId: string) =>
  (await read(env.kernel).selectFrom('rep_escalations').select(['kind', 'community_id', 'committee_id']).where('order_id', '=', orderId).orderBy('kind').execute()).map(
    (e) => e.kind,
  );

describe('overdue orders escalate to the residents’ committee', () => {
  test('the job is declared in the module manifest', () => {
    assert.deepEqual(
      repairsModule.jobs?.map((j) => j.name),
      ['repairs.escalate-overdue', 'repairs.close-unrated'],
    );
  });

  test('exactly the overdue orders, once per missed deadline, as the clock moves', async () => {
    // elevator: respond 30 min, complete 24 h; water: 2 h / 48 h; other: 8 h / 120 h.
    const lift = await report(alice, 'elevator', w.places.A);
    const water = await report(alice, 'water', w.rooms.A101);
    await acceptOrder(staff, water, {});
    const other = await report(alice, 'other', w.rooms.A101);
    const withdrawn = await report(alice, 'elevator', w.rooms.A101);
    await cancelOrder(alice, withdrawn, {});
    const done = await report(alice, 'elevator', w.places.A);
    await dispatchOrder(staff, done, { assigneeId: w.accounts.property_staff });
    await startOrder(staff, done, {});
    await finishOrder(staff, done, { note: '已修好' });
    const far = await report(zed, 'elevator', w.places.Z);

    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 0 }, 'nothing is due yet');

    env.clock.advance(31 * MIN);
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 2 }, 'both unaccepted elevator orders, here and in the other street');
    assert.deepEqual(await escalationsOf(lift), ['response']);
    assert.deepEqual(await escalationsOf(far), ['response']);
    for (const id of [water, other, withdrawn, done]) assert.deepEqual(await escalationsOf(id), [], 'not overdue');
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 0 }, 'running again escalates nothing twice');

    env.clock.advance(8 * HOUR);
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 1 });
    assert.deepEqual(await escalationsOf(other), ['response']);

    env.clock.advance(16 * HOUR); // 24 h 31 min after reporting
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 2 });
    assert.deepEqual(await escalationsOf(lift), ['completion', 'response']);
    assert.deepEqual(await escalationsOf(far), ['completion', 'response']);
    assert.deepEqual(await escalationsOf(water), [], 'accepted in time and within 48 h');

    env.clock.advance(24 * HOUR); // 48 h 31 min
    assert.deepEqual(await escalateOverdue(env.kernel), { escalated: 1 });
    assert.deepEqual(await escalationsOf(water), ['completion']);
    assert.deepEqual(await escalationsOf(withdrawn), [], 'withdrawn orders never escalate');
    assert.deepEqual(await escalationsOf(done), [], 'finished orders never escalate');

    // Flagged, on the timeline (by the platform) and audited.
    const rows = await read(env.kernel).selectFrom('rep_orders').select(['id', 'overdue']).execute();
    const flagged = new Set(rows.filter((r) => r.overdue).map((r) => r.id));
    assert.deepEqual([...flagged].sort(), [lift, water, other, far].sort());
    const events = await read(env.kernel).selectFrom('rep_events').select(['actor_id', 'actor_name']).where('order_id', '=', lift).where('action', '=', 'escalated').execute();
    assert.equal(events.length, 2);
    assert.ok(events.every((e) => e.actor_id === null && e.actor_name === 'system'));
    const audited = await read(env.kernel).selectFrom('audit_log').select('id').where('action', '=', 'repairs.order.escalated').execute();
    assert.equal(audited.length, 6);

    // To the community's residents' committee; the other street's order to its own community.
    const toC1 = await read(env.kernel).selectFrom('rep_escalations').select(['community_id', 'committee_id']).where('order_id', '=', lift).execute();
    assert.ok(toC1.every((e) => e.community_id === w.places.C1 && e.committee_id === w.organisations.rcC1));
    const toC3 = await read(env.kernel).selectFrom('rep_escalations').select(['community_id', 'committee_id']).where('order_id', '=', far).execute();
    assert.ok(toC3.every((e) => e.community_id === w.places.C3 && e.committee_id === null));

    // Who sees them: the committee and the community in C1, the street over S; the other street stays apart.
    const seen = async (login: string) => {
      const c = await signInClient(env.app, login);
      const res = await c.request('GET', '/api/repairs/escalations?pageSize=200');
      assert.equal(res.status, 200);
      return new Set(res.body.items.map((e: { orderId: string }) => e.orderId));
    };
    for (const login of ['committee_staff', 'community_secretary', 'street_official', 'property_manager']) {
      const s = await seen(login);
      assert.deepEqual([...s].sort(), [lift, water, other].sort(), login);
    }
    assert.deepEqual([...(await seen('zmanager'))], [far]);
    assert.equal((await seen('grid_worker')).size, 0);
    assert.equal((await seen('13800000001')).size, 0, 'residents do not see the escalations view');
    // Escalated, the order opens for the committee, who add their supervision to its timeline.
    const committee = await signInClient(env.app, 'committee_staff');
    const detail = await committee.request('GET', `/api/repairs/orders/${lift}`);
    assert.equal(detail.status, 200);
    assert.equal(detail.body.can.supervise, true);
    const escalationId = (await read(env.kernel).selectFrom('rep_escalations').select('id').where('order_id', '=', lift).where('kind', '=', 'response').executeTakeFirstOrThrow()).id;
    const supervised = await committee.request('POST', `/api/repairs/escalations/${escalationId}/supervise`, { note: '请物业今日内处理并回复居民' });
    assert.equal(supervised.status, 200, JSON.stringify(supervised.body));
    const after = await committee.request('GET', `/api/repairs/orders/${lift}`);
    assert.equal(after.body.events.at(-1).action, 'supervised');
    assert.equal(after.body.events.at(-1).note, '请物业今日内处理并回复居民');
    // …but not orders that were never escalated.
    assert.equal((await committee.request('GET', `/api/repairs/orders/${done}`)).status, 404);
  });

  test('a reopened order gets a fresh completion deadline and escalates on that one', async () => {
    // Orders of the test above are still open: look at this order only.
    const id = await report(alice, 'water', w.rooms.A101);
    await dispatchOrder(staff, id, { assigneeId: w.accounts.property_staff });
    await startOrder(staff, id, {});
    env.clock.advance(47 * HOUR);
    await finishOrder(staff, id, { note: '修好了' });
    env.clock.advance(2 * HOUR); // past the first completion deadline, but finished in time
    await escalateOverdue(env.kernel);
    assert.deepEqual(await escalationsOf(id), []);
    await rateOrder(alice, id, { rating: 1, comment: '又坏了' });
    await escalateOverdue(env.kernel);
    assert.deepEqual(await escalationsOf(id), [], 'the reopening restarts the completion clock');
    env.clock.advance(48 * HOUR + MIN);
    await escalateOverdue(env.kernel);
    assert.deepEqual(await escalationsOf(id), ['completion']);
  });
});

describe('unrated orders close by themselves', () => {
  test('after the compound’s auto-close days (7 by default, or as set), and only unrated finished ones', async () => {
    // Let the finished orders of the tests above close first, then watch new ones.
    env.clock.advance(8 * DAY);
    await closeUnrated(env.kernel);
    const finished = async () => {
      const id = await report(alice, 'doors', w.rooms.A101);
      await dispatchOrder(staff, id, { assigneeId: w.accounts.property_staff });
      await startOrder(staff, id, {});
      await finishOrder(staff, id, { note: '已修复' });
      return id;
    };
    const unrated = await finished();
    const rated = await finished();
    await rateOrder(alice, rated, { rating: 4 });
    const open = await report(alice, 'doors', w.rooms.A101);

    const status = async (id: string) => (await read(env.kernel).selectFrom('rep_orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    env.clock.advance(7 * DAY - MIN);
    assert.deepEqual(await closeUnrated(env.kernel), { closed: 0 });
    assert.equal(await status(unrated), 'finished');
    env.clock.advance(2 * MIN);
    assert.deepEqual(await closeUnrated(env.kernel), { closed: 1 });
    assert.deepEqual(await closeUnrated(env.kernel), { closed: 0 }, 'idempotent');
    const row = await read(env.kernel).selectFrom('rep_orders').select(['status', 'close_reason', 'rating']).where('id', '=', unrated).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'closed', close_reason: 'auto', rating: null });
    assert.equal(await status(rated), 'closed');
    assert.equal(await status(open), 'submitted');
    const event = await read(env.kernel).selectFrom('rep_events').select(['action', 'actor_id']).where('order_id', '=', unrated).orderBy('at', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(event, { action: 'auto_closed', actor_id: null });

    // A compound that closes after 2 days.
    const official = await ctxFor(env.kernel, w.accounts.street_official);
    await updateSettings(official, w.places.A, { autoCloseDays: 2, limits: [] });
    const quick = await finished();
    env.clock.advance(2 * DAY + MIN);
    assert.deepEqual(await closeUnrated(env.kernel), { closed: 1 });
    assert.equal(await status(quick), 'closed');
  });
});
