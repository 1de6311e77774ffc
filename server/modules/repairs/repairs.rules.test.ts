import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Client, jpeg, png, signInClient, storedFiles, useRepairsWorld } from './test-support.ts';
import { read } from './repairs.db.ts';
import { expectSorts, sortTime as at } from '../../test/sorting.ts';
import { EscalationsSort, OrdersSort } from './repairs.schemas.ts';
import { escalateOverdue } from './use-cases/escalate-overdue.ts';

/** The rules of repair orders beyond the bare state machine. */
const { env, w, client } = useRepairsWorld();
const alice = client('13800000001');
const staff = client('property_staff');
const staff2 = client('staff2');
const manager = client('property_manager');
const official = client('street_official');
const leader = client('building_leader');

const post = (c: Client, id: string, action: string, body: object = {}) => c.request('POST', `/api/repairs/orders/${id}/${action}`, body);
const ok = async (p: Promise<{ status: number; body: any }>, status = 200) => {
  const r = await p;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
};

async function finishedOrder(category = 'water'): Promise<string> {
  const o = await ok(alice.request('POST', '/api/repairs/orders', { category, description: '卫生间下水堵塞', placeId: w.rooms.A101 }), 201);
  await ok(post(staff, o.id, 'dispatch', { assigneeId: w.accounts.property_staff }));
  await ok(post(staff, o.id, 'start'));
  await ok(post(staff, o.id, 'finish', { note: '已疏通' }));
  return o.id;
}

describe('rating', () => {
  test('a rating of 1–2 reopens the order for the manager to answer, with a fresh completion deadline', async () => {
    for (const rating of [1, 2]) {
      const id = await finishedOrder();
      // Less than the 30-minute idle timeout, so the sessions stay signed in.
      env.clock.advance(2 * 60_000);
      const rated = await ok(post(alice, id, 'rate', { rating, comment: '还是堵' }));
      assert.equal(rated.status, 'reopened');
      assert.equal(rated.rating, rating);
      assert.equal(rated.ratingComment, '还是堵');
      assert.equal(Date.parse(rated.completeBy), env.clock.now().getTime() + 48 * 60 * 60_000, 'water: 48 h from the reopening');
      // Staff may not answer for the company; the manager may, and that closes it.
      const byStaff = await post(staff, id, 'answer', { note: '抱歉' });
      assert.equal(byStaff.status, 403);
      const answered = await ok(post(manager, id, 'answer', { note: '已安排复查，向您致歉' }));
      assert.equal(answered.status, 'closed');
      assert.equal(answered.closeReason, 'answered');
      assert.deepEqual(
        answered.events.slice(-2).map((e: { action: string; note: string }) => [e.action, e.note]),
        [
          ['rated', '还是堵'],
          ['answered', '已安排复查，向您致歉'],
        ],
      );
      // The low rating stays on record for the figures.
      assert.equal(answered.rating, rating);
    }
  });

  test('a rating of 3–5 closes the order', async () => {
    for (const rating of [3, 4, 5]) {
      const id = await finishedOrder();
      const rated = await ok(post(alice, id, 'rate', { rating }));
      assert.equal(rated.status, 'closed');
      assert.equal(rated.closeReason, 'rated');
    }
  });

  test('a reopened order can go back to work and be rated again', async () => {
    const id = await finishedOrder();
    await ok(post(alice, id, 'rate', { rating: 1 }));
    await ok(post(manager, id, 'dispatch', { assigneeId: w.accounts.staff2 }));
    // The new assignee works on it; the former one may not any more.
    assert.equal((await post(staff, id, 'start')).status, 403);
    await ok(post(staff2, id, 'start'));
    const again = await ok(post(staff2, id, 'finish', { note: '更换了存水弯' }));
    assert.equal(again.rating, null, 'the old rating is cleared for the new one');
    const rated = await ok(post(alice, id, 'rate', { rating: 5, comment: '这次好了' }));
    assert.equal(rated.status, 'closed');
    assert.equal(rated.assignee.name, '物业二');
  });
});

describe('handling', () => {
  test('staff not assigned may not start or finish; the manager may', async () => {
    const o = await ok(alice.request('POST', '/api/repairs/orders', { category: 'electric', description: '楼道灯不亮', placeId: w.places.A1.building }), 201);
    await ok(post(staff, o.id, 'dispatch', { assigneeId: w.accounts.property_staff }));
    const refused = await post(staff2, o.id, 'start');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'NOT_ASSIGNEE');
    await ok(post(manager, o.id, 'start'));
    await ok(post(manager, o.id, 'finish', { note: '更换灯泡' }));
  });

  test('dispatching goes only to the property staff of the compound', async () => {
    const o = await ok(alice.request('POST', '/api/repairs/orders', { category: 'doors', description: '单元门禁坏了', placeId: w.places.A1.unit }), 201);
    const list = await ok(staff.request('GET', `/api/repairs/orders/${o.id}/assignees`));
    assert.deepEqual(list.items.map((a: { name: string }) => a.name).sort(), ['property_manager', 'property_staff', '物业二'].sort());
    const bad = await post(staff, o.id, 'dispatch', { assigneeId: w.accounts.zstaff });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'ASSIGNEE_INVALID');
    const dispatched = await ok(post(staff, o.id, 'dispatch', { assigneeId: w.accounts.staff2, note: '请今天处理' }));
    assert.equal(dispatched.acceptedAt !== null, true, 'dispatching accepts on the way');
    // Staff see their own work with mine=true.
    const mine = await ok(staff2.request('GET', '/api/repairs/orders?mine=true'));
    assert.ok(mine.items.some((i: { id: string }) => i.id === o.id));
  });

  test('paid service: a price in fen, then back to free; the status stays', async () => {
    const o = await ok(alice.request('POST', '/api/repairs/orders', { category: 'water', description: '户内热水器维修', placeId: w.rooms.A101 }), 201);
    await ok(post(staff, o.id, 'accept'));
    const priced = await ok(post(staff, o.id, 'price', { paid: true, priceFen: 12050, note: '户内设施，有偿服务' }));
    assert.equal(priced.status, 'accepted');
    assert.equal(priced.paidService, true);
    assert.equal(priced.priceFen, 12050);
    assert.deepEqual(priced.events.at(-1).detail, { paid: true, priceFen: 12050, yuan: '120.50' });
    const free = await ok(post(staff, o.id, 'price', { paid: false }));
    assert.equal(free.paidService, false);
    assert.equal(free.priceFen, null);
  });

  test('returning needs a reason, which the resident sees', async () => {
    const o = await ok(alice.request('POST', '/api/repairs/orders', { category: 'other', description: '邻居噪音', placeId: w.rooms.A101 }), 201);
    const returned = await ok(post(staff, o.id, 'return', { reason: '不属于物业维修范围，已转社区调解' }));
    const seen = await ok(alice.request('GET', `/api/repairs/orders/${o.id}`));
    assert.equal(seen.status, 'returned');
    assert.equal(seen.returnReason, '不属于物业维修范围，已转社区调解');
    assert.equal(returned.events.at(-1).note, '不属于物业维修范围，已转社区调解');
  });
});

describe('reporting', () => {
  test('a resident reports with photos; the deadlines follow the category; photos are served to the order’s viewers', async () => {
    const before = storedFiles(env.kernel.files);
    const res = await alice.upload(
      '/api/repairs/orders',
      { category: 'elevator', description: '2号电梯异响', placeId: w.places.A, preferredDate: '2026-11-23', preferredPeriod: 'morning' },
      [jpeg(4096, 7), png(8)],
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const o = res.body;
    assert.equal(o.place.kind, 'compound');
    assert.equal(o.company.name, '安和物业');
    assert.equal(o.contactName, '王丽');
    assert.match(o.contactPhone, /^139\*{4}\d{4}$/, 'the registered phone, masked');
    assert.equal(o.preferredPeriod, 'morning');
    assert.equal(Date.parse(o.respondBy) - Date.parse(o.reportedAt), 30 * 60_000, 'elevators: 30 minutes to respond');
    assert.equal(Date.parse(o.completeBy) - Date.parse(o.reportedAt), 24 * 60 * 60_000);
    assert.equal(o.photos.length, 2);
    assert.equal(storedFiles(env.kernel.files), before + 2);
    const photo = await staff.request('GET', o.photos[0].url);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers['content-type'], 'image/jpeg');
    assert.deepEqual(photo.raw.subarray(0, 3), Buffer.from([0xff, 0xd8, 0xff]));
    const stranger = await signInClient(env.app, '13800000002');
    assert.equal((await stranger.request('GET', o.photos[0].url)).status, 404);
  });

  test('finishing with photos stores them at the finish stage', async () => {
    const o = await ok(alice.request('POST', '/api/repairs/orders', { category: 'facility', description: '健身器材损坏', placeId: w.places.A }), 201);
    await ok(post(staff, o.id, 'dispatch', { assigneeId: w.accounts.property_staff }));
    await ok(post(staff, o.id, 'start'));
    const res = await staff.upload(`/api/repairs/orders/${o.id}/finish`, { note: '已更换配件' }, [jpeg(3000, 21)]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.photos.map((p: { stage: string }) => p.stage),
      ['finish'],
    );
    assert.equal(res.body.finishNote, '已更换配件');
  });

  test('a building leader reports by phone on a resident’s behalf; the resident sees it as theirs and rates it', async () => {
    const res = await leader.request('POST', '/api/repairs/orders', {
      category: 'water',
      description: '王阿姨家暖气不热（电话报修）',
      placeId: w.rooms.A101,
      channel: 'phone',
      residentPersonId: w.persons.alice,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.channel, 'phone');
    assert.equal(res.body.reporterName, 'building_leader');
    assert.equal(res.body.contactName, '王丽');
    const mine = await ok(alice.request('GET', '/api/repairs/mine'));
    assert.ok(mine.items.some((i: { id: string }) => i.id === res.body.id));
    // A resident who does not live there cannot be named.
    const wrong = await leader.request('POST', '/api/repairs/orders', {
      category: 'water',
      description: '代报',
      placeId: w.rooms.A101,
      channel: 'phone',
      residentPersonId: w.persons.tom,
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'RESIDENT_NOT_OF_PLACE');
  });

  test('the counter can report a common part with a contact phone, shown masked and revealed only with an audit entry', async () => {
    const res = await staff.request('POST', '/api/repairs/orders', {
      category: 'environment',
      description: '2栋门前垃圾未清运',
      placeId: w.places.A2.building,
      channel: 'counter',
      contactName: '孙先生',
      contactPhone: '13912345678',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.contactPhone, '139****5678');
    assert.equal(res.body.can.revealContact, true);
    const revealed = await ok(staff.request('GET', `/api/repairs/orders/${res.body.id}/contact`));
    assert.deepEqual(revealed, { name: '孙先生', phone: '13912345678' });
    const logged = await read(env.kernel)
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'repairs.order.contact_read')
      .where('subject_id', '=', res.body.id)
      .execute();
    assert.deepEqual(logged, [{ actor_name: 'property_staff' }]);
  });

  test('report places: my rooms and the common parts above them', async () => {
    const places = await ok(alice.request('GET', '/api/repairs/report-places'));
    assert.deepEqual(
      places.items.map((p: { kind: string; label: string }) => [p.kind, p.label]),
      [
        ['room', '阳光花园 / 1栋 / 1单元 / 101'],
        ['unit', '阳光花园 / 1栋 / 1单元'],
        ['building', '阳光花园 / 1栋'],
        ['compound', '阳光花园'],
      ],
    );
  });
});

describe('settings', () => {
  test('officials set a compound’s time limits; new orders get them, reported ones keep theirs', async () => {
    const earlier = await ok(alice.request('POST', '/api/repairs/orders', { category: 'elevator', description: '电梯按钮失灵', placeId: w.places.A }), 201);
    const saved = await ok(
      official.request('PUT', `/api/repairs/settings/${w.places.A}`, {
        autoCloseDays: 3,
        limits: [
          { category: 'elevator', responseMinutes: 15, completionMinutes: 12 * 60 },
          { category: 'water', responseMinutes: 120, completionMinutes: 2880 },
        ],
      }),
    );
    const elevator = saved.limits.find((l: { category: string }) => l.category === 'elevator');
    assert.deepEqual([elevator.responseMinutes, elevator.completionMinutes, elevator.custom], [15, 720, true]);
    // Equal to the default: not stored as the compound's own.
    assert.equal(saved.limits.find((l: { category: string }) => l.category === 'water').custom, false);
    assert.equal(saved.autoCloseDays, 3);
    const later = await ok(alice.request('POST', '/api/repairs/orders', { category: 'elevator', description: '电梯门夹人', placeId: w.places.A }), 201);
    assert.equal(Date.parse(later.respondBy) - Date.parse(later.reportedAt), 15 * 60_000);
    const still = await ok(alice.request('GET', `/api/repairs/orders/${earlier.id}`));
    assert.equal(Date.parse(still.respondBy) - Date.parse(still.reportedAt), 30 * 60_000);
    // The company reads its limits but does not set them.
    const read = await ok(manager.request('GET', `/api/repairs/settings/${w.places.A}`));
    assert.equal(read.canEdit, false);
    assert.equal((await manager.request('PUT', `/api/repairs/settings/${w.places.A}`, { autoCloseDays: 30, limits: [] })).status, 403);
    // Back to the defaults.
    await ok(official.request('PUT', `/api/repairs/settings/${w.places.A}`, { autoCloseDays: 7, limits: [] }));
  });
});

describe('sorting: the orders and the escalations by each of their columns, both ways; an unknown column → 400', () => {
  let orders: [string, string, string];
  let escalations: [string, string, string];
  /** The list at `path` sorts as `expected`, to a manager signed in afresh (hours have passed). */
  const sortsForManager = async <K extends string>(path: string, sorting: Parameters<typeof expectSorts<K>>[3], expected: Parameters<typeof expectSorts<K>>[4]) =>
    expectSorts(env.kernel, await signInClient(env.app, 'property_manager'), `${path}?placeId=${w.places.A}`, sorting, expected);

  test('orders', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await ok(alice.request('POST', '/api/repairs/orders', { category: 'other', description: `排序${i}`, placeId: w.rooms.A101 }), 201)).id);
    orders = ids as [string, string, string];
    // Past the response deadline, so each escalates once (the test below).
    env.clock.advance(9 * 60 * 60_000);
    await escalateOverdue(env.kernel);
    const values = [
      { reported_at: at(2), no: 'SORT-2', place_id: w.rooms.A101, category: 'elevator', status: 'submitted', assignee_name: 'Bee', rating: 5 },
      { reported_at: at(0), no: 'SORT-3', place_id: w.rooms.A201, category: 'doors', status: 'accepted', assignee_name: null, rating: 3 },
      { reported_at: at(1), no: 'SORT-1', place_id: w.rooms.A102, category: 'water', status: 'dispatched', assignee_name: 'Abe', rating: null },
    ] as const;
    for (const [i, v] of values.entries()) await read(env.kernel).updateTable('rep_orders').set(v).where('id', '=', orders[i]!).execute();
    const [o1, o2, o3] = orders;
    await sortsForManager('/api/repairs/orders', OrdersSort, {
      reportedAt: [o2, o3, o1],
      no: [o3, o1, o2],
      place: [o1, o3, o2],
      category: [o2, o1, o3],
      status: [o2, o3, o1],
      assigneeName: { asc: [o3, o1, o2], desc: [o1, o3, o2] },
      rating: { asc: [o2, o1, o3], desc: [o1, o2, o3] },
    });
  });

  test('escalations', async () => {
    const rows = await read(env.kernel).selectFrom('rep_escalations').select(['id', 'order_id']).where('order_id', 'in', orders).execute();
    escalations = orders.map((o) => rows.find((r) => r.order_id === o)!.id) as [string, string, string];
    const values = [
      { escalated_at: at(1), due_at: at(0), kind: 'completion', supervised_at: at(5) },
      { escalated_at: at(2), due_at: at(1), kind: 'response', supervised_at: null },
      { escalated_at: at(0), due_at: at(2), kind: 'response', supervised_at: at(3) },
    ] as const;
    for (const [i, v] of values.entries()) await read(env.kernel).updateTable('rep_escalations').set(v).where('id', '=', escalations[i]!).execute();
    const [e1, e2, e3] = escalations;
    await sortsForManager('/api/repairs/escalations', EscalationsSort, {
      escalatedAt: [e3, e1, e2],
      dueAt: [e1, e2, e3],
      no: [e3, e1, e2],
      place: [e1, e3, e2],
      category: [e2, e1, e3],
      kind: [e1, ...[e2, e3].sort()],
      status: [e2, e3, e1],
      supervisedAt: { asc: [e3, e1, e2], desc: [e1, e3, e2] },
    });
  });
});
