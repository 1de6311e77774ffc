import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useRepairsWorld } from '../modules/repairs/test-support.ts';
import { type Session, signIn } from './harness.ts';

/**
 * The workbench's home (GET /api/me/workbench), composed from every module: each role sees the to-dos
 * its roles can act on, inside its places only, and every count is the total of the list its link opens.
 */
const { env, w, afterSetUp } = useRepairsWorld();
type Home = { todos: { key: string; count: number; link: string }[]; figures: { key: string; value: number; link?: string }[] };
const homeOf = async (s: Session): Promise<Home> => {
  const r = await s.request('GET', '/api/me/workbench');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as Home;
};
const countOf = (home: Home, key: string) => home.todos.find((t) => t.key === key)?.count;

afterSetUp(async () => {
  const alice = await signIn(env.app, '13800000001');
  for (const description of ['厨房水管漏水', '楼道灯不亮']) {
    assert.equal((await alice.request('POST', '/api/repairs/orders', { category: 'water', description, placeId: w.rooms.A101 })).status, 201);
  }
  assert.equal((await alice.request('POST', '/api/me/corrections', { field: 'name', request: '姓名有误' })).status, 201);
  assert.equal((await alice.request('POST', '/api/opinions', { visibility: 'public', addressee: 'property_company', title: '快递柜', body: '希望增加快递柜' })).status, 201);
  const official = await signIn(env.app, 'street_official');
  assert.equal((await official.request('POST', '/api/notices', { placeId: w.places.A, category: 'announcement', title: '停水通知（草稿）', body: '' })).status, 201);
});

test('every to-do of every role counts exactly the rows of the list its link opens', async () => {
  let checked = 0;
  for (const login of ['street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader', 'owners_committee_member', 'property_manager', 'property_staff', 'zmanager', 'zstaff']) {
    const s = await signIn(env.app, login);
    const { todos } = await homeOf(s);
    // The web labels a card by its key: two modules answering the same key would show one's count under the other's name.
    const keys = todos.map((t) => t.key);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], `${login}: a to-do key answered twice`);
    for (const todo of todos) {
      const list = await s.request('GET', `/api${todo.link}`);
      assert.equal(list.status, 200, `${login} ${todo.link}`);
      assert.equal(list.body.total, todo.count, `${login}: ${todo.key} says ${todo.count}, ${todo.link} lists ${list.body.total}`);
      checked++;
    }
  }
  assert.ok(checked >= 15, `only ${checked} to-dos checked`);
});

test('each role sees the to-dos its roles act on, inside its places', async () => {
  const home = async (login: string) => homeOf(await signIn(env.app, login));
  const staff = await home('property_staff');
  assert.equal(countOf(staff, 'toAccept'), 2, 'the two orders reported in the compound');
  assert.equal(countOf(staff, 'toAnswer'), 1, 'the post addressed to the property company');
  assert.equal(countOf(staff, 'claimsToReview'), undefined, 'property staff review no claims');
  assert.equal(countOf(await home('zstaff'), 'toAccept'), 0, 'another street’s company: none of them');

  const leader = await home('building_leader');
  assert.equal(countOf(leader, 'toAccept'), undefined, 'a building leader accepts no orders');
  assert.equal(countOf(leader, 'overdue'), 0);

  const official = await home('street_official');
  assert.equal(countOf(official, 'drafts'), 1);
  assert.equal(countOf(official, 'toAccept'), undefined);
  assert.equal(countOf(official, 'escalations'), 0);
  assert.equal(countOf(official, 'approvals'), 0);
  // Payout statements: the street approves the building leaders' allowance, the residents' committee reviews it; the
  // street may also review the service-standard subsidy (supervision.standard_subsidy), so it has the to-do, empty here.
  assert.equal(countOf(official, 'payoutsToApprove'), 0);
  assert.equal(countOf(official, 'payoutsToReview'), 0);
  assert.equal(countOf(await home('committee_staff'), 'payoutsToReview'), 0);
  assert.equal(countOf(leader, 'payoutsToReview'), undefined, 'building leaders are paid, they do not review');
  assert.ok((official.figures.find((f) => f.key === 'rooms')?.value ?? 0) > 0, 'the rooms of the street');
  // Residents' correction requests: the officials of the place answer them, property staff do not.
  assert.equal(countOf(await home('committee_staff'), 'corrections'), 1);
  assert.equal(countOf(official, 'corrections'), 1);
  assert.equal(countOf(staff, 'corrections'), undefined);
  assert.equal(countOf(leader, 'corrections'), undefined);
});

test('a resident has no workbench to-dos; without a session the home is refused', async () => {
  const resident = await homeOf(await signIn(env.app, '13800000001'));
  assert.deepEqual(resident, { todos: [], figures: [] });
  assert.equal((await env.app.inject({ method: 'GET', url: '/api/me/workbench' })).statusCode, 401);
});
