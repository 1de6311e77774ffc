import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { type Client, useRepairsWorld } from './test-support.ts';
import { read } from './repairs.db.ts';

/**
 * The order's state machine over the API: every allowed transition works (and lands on its
 * timeline and in the audit log), every other is refused with 409 TRANSITION_NOT_ALLOWED and
 * changes nothing. The table is written out again on purpose, rather than read from
 * repairs.constants.ts, so that a change to the machine has to be made twice, deliberately.
 */
type Status = 'submitted' | 'accepted' | 'dispatched' | 'in_progress' | 'finished' | 'reopened' | 'closed' | 'returned' | 'cancelled';
type Action = 'accept' | 'dispatch' | 'start' | 'finish' | 'return' | 'price' | 'rate' | 'answer' | 'cancel';

const STATUSES: Status[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'finished', 'reopened', 'closed', 'returned', 'cancelled'];
const ALLOWED: Record<Action, Status[]> = {
  accept: ['submitted'],
  dispatch: ['submitted', 'accepted', 'dispatched', 'reopened'],
  start: ['dispatched'],
  finish: ['in_progress'],
  return: ['submitted', 'accepted', 'dispatched'],
  price: ['accepted', 'dispatched', 'in_progress'],
  rate: ['finished'],
  answer: ['reopened'],
  cancel: ['submitted'],
};
/** Where each action leads (price keeps the status; a rating of 5 closes). */
const RESULT: Record<Action, Status | 'same'> = {
  accept: 'accepted',
  dispatch: 'dispatched',
  start: 'in_progress',
  finish: 'finished',
  return: 'returned',
  price: 'same',
  rate: 'closed',
  answer: 'closed',
  cancel: 'cancelled',
};
const EVENT: Record<Action, string> = {
  accept: 'accepted',
  dispatch: 'dispatched',
  start: 'started',
  finish: 'finished',
  return: 'returned',
  price: 'priced',
  rate: 'rated',
  answer: 'answered',
  cancel: 'cancelled',
};

const { env, w, client } = useRepairsWorld();
const resident = client('13800000001');
const staff = client('property_staff');
const manager = client('property_manager');

/**
 * Who takes each action under test: one allowed to whatever the status, so that only the status
 * decides (the manager may start and finish any order; other staff only once it is theirs).
 */
const actorFor = (a: Action) => (a === 'rate' || a === 'cancel' ? resident : a === 'answer' || a === 'start' || a === 'finish' ? manager : staff);
/** Who takes each step on the way: the assigned staff member does the work. */
const stepActor = (a: Action) => (a === 'rate' || a === 'cancel' ? resident : a === 'answer' ? manager : staff);
const bodyFor = (a: Action): object =>
  ({
    accept: {},
    dispatch: { assigneeId: w.accounts.property_staff },
    start: {},
    finish: { note: '已更换水龙头' },
    return: { reason: '属于业主自有设施' },
    price: { paid: true, priceFen: 5000 },
    rate: { rating: 5, comment: '很及时' },
    answer: { note: '已电话回访并致歉' },
    cancel: {},
  })[a];

const act = (id: string, a: Action) => actorFor(a).request('POST', `/api/repairs/orders/${id}/${a}`, bodyFor(a));

async function report(): Promise<string> {
  const res = await resident.request('POST', '/api/repairs/orders', { category: 'water', description: '厨房水龙头漏水', placeId: w.rooms.A101 });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.status, 'submitted');
  assert.match(res.body.no, /^BX\d{8}-\d{6}$/);
  return res.body.id;
}

/** A new order driven, through allowed steps only, into the given status. */
async function orderIn(status: Status): Promise<string> {
  const id = await report();
  const path: Record<Status, [Action, object?][]> = {
    submitted: [],
    accepted: [['accept']],
    dispatched: [['accept'], ['dispatch']],
    in_progress: [['accept'], ['dispatch'], ['start']],
    finished: [['accept'], ['dispatch'], ['start'], ['finish']],
    reopened: [['accept'], ['dispatch'], ['start'], ['finish'], ['rate', { rating: 1, comment: '还在漏' }]],
    closed: [['accept'], ['dispatch'], ['start'], ['finish'], ['rate']],
    returned: [['return']],
    cancelled: [['cancel']],
  };
  for (const [a, body] of path[status]) {
    const res = await stepActor(a).request('POST', `/api/repairs/orders/${id}/${a}`, body ?? bodyFor(a));
    assert.equal(res.status, 200, `${a} on the way to ${status}: ${JSON.stringify(res.body)}`);
  }
  const now = await resident.request('GET', `/api/repairs/orders/${id}`);
  assert.equal(now.body.status, status);
  return id;
}

describe('repair order state machine', () => {
  const shared = new Map<Status, string>();
  before(async () => {
    for (const s of STATUSES) shared.set(s, await orderIn(s));
  });

  for (const a of Object.keys(ALLOWED) as Action[]) {
    test(`${a}: allowed from ${ALLOWED[a].join(', ')}; refused from every other status`, async () => {
      for (const from of STATUSES) {
        if (ALLOWED[a].includes(from)) {
          const id = await orderIn(from);
          const before = await staff.request('GET', `/api/repairs/orders/${id}`);
          const res = await act(id, a);
          assert.equal(res.status, 200, `${a} from ${from}: ${JSON.stringify(res.body)}`);
          assert.equal(res.body.status, RESULT[a] === 'same' ? from : RESULT[a], `${a} from ${from}`);
          // The step is on the timeline, by whom, and in the audit log.
          const last = res.body.events.at(-1);
          assert.equal(res.body.events.length, before.body.events.length + 1);
          assert.equal(last.action, EVENT[a]);
          assert.equal(last.actorName, actorFor(a) === resident ? '王丽' : actorFor(a).login);
          assert.equal(last.fromStatus, from);
          const audited = await read(env.kernel)
            .selectFrom('audit_log')
            .select('action')
            .where('subject_id', '=', id)
            .where('action', '=', `repairs.order.${EVENT[a]}`)
            .execute();
          assert.ok(audited.length >= 1, `${a} audited`);
        } else {
          const id = shared.get(from)!;
          const before = await staff.request('GET', `/api/repairs/orders/${id}`);
          const res = await act(id, a);
          assert.equal(res.status, 409, `${a} from ${from} must be refused: ${JSON.stringify(res.body)}`);
          assert.equal(res.body.error.code, 'TRANSITION_NOT_ALLOWED');
          assert.deepEqual(res.body.error.details, { status: from, action: a });
          const after = await staff.request('GET', `/api/repairs/orders/${id}`);
          assert.equal(after.body.status, from, 'status unchanged');
          assert.equal(after.body.events.length, before.body.events.length, 'nothing on the timeline');
        }
      }
    });
  }

  test('the actions offered on an order are exactly those its status and the viewer allow', async () => {
    const offered = async (c: Client, s: Status) => (await c.request('GET', `/api/repairs/orders/${shared.get(s)}`)).body.actions as Action[];
    assert.deepEqual(await offered(staff, 'submitted'), ['accept', 'dispatch', 'return']);
    assert.deepEqual(await offered(resident, 'submitted'), ['cancel']);
    assert.deepEqual(await offered(staff, 'dispatched'), ['dispatch', 'start', 'return', 'price']);
    assert.deepEqual(await offered(resident, 'finished'), ['rate']);
    assert.deepEqual(await offered(manager, 'reopened'), ['dispatch', 'answer']);
    assert.deepEqual(await offered(staff, 'reopened'), ['dispatch']);
    for (const s of ['closed', 'returned', 'cancelled'] as Status[]) {
      assert.deepEqual(await offered(staff, s), []);
      assert.deepEqual(await offered(resident, s), []);
    }
  });

  test('the whole journey is on the timeline in order, who and when', async () => {
    const id = await orderIn('closed');
    const res = await resident.request('GET', `/api/repairs/orders/${id}`);
    assert.deepEqual(
      res.body.events.map((e: { action: string }) => e.action),
      ['reported', 'accepted', 'dispatched', 'started', 'finished', 'rated'],
    );
    assert.deepEqual(
      res.body.events.map((e: { actorName: string }) => e.actorName),
      ['王丽', 'property_staff', 'property_staff', 'property_staff', 'property_staff', '王丽'],
    );
    for (const e of res.body.events) assert.ok(!Number.isNaN(Date.parse(e.at)));
    assert.equal(res.body.rating, 5);
    assert.equal(res.body.closeReason, 'rated');
    assert.equal(res.body.assignee.name, 'property_staff');
  });
});
