import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { before, describe, test } from 'node:test';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write as kwrite } from '../../kernel/context.ts';
import { type Client, signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { countRows, expectRefused } from '../../test/harness.ts';
import { read } from './grid.db.ts';
import { createOrganisation } from '../registry/index.ts';

/**
 * 网格事件 and 执法进小区: naming liaisons; reporting (staff in their places, a resident at their own compound);
 * every transition allowed only to the right role — a matrix of logins × transitions, the others refused (403 when
 * they may read the event, 404 when not) with nothing written; the state rules (409); escalation hands dispatching
 * to the street; a liaison sees only the events dispatched to them (list, detail, photo); rating once, only by the
 * reporter, only when closed; who reads what, inside and outside their places.
 */
const { env, w, afterSetUp } = useWorld();
const E = '/api/grid/events';
const L = '/api/grid/liaisons';
const ME = '/api/me/grid/events';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 3)]);
const photo = { filename: 'scene.png', type: 'image/png', content: PNG };
const TABLES = ['grid_events', 'grid_event_steps', 'grid_files', 'grid_liaisons', 'grid_patrols', 'audit_log', 'notify_messages'];
const org = { police: '', housing: '', housingB: '', foreign: '' };
const liaison = { housingA: '', policeA: '' };

const STAFF = [
  'street_official',
  'platform_admin',
  'community_secretary',
  'committee_staff',
  'grid_worker',
  'building_leader',
  'property_manager',
  'property_staff',
  'department_reviewer',
  'paichusuo',
  'fangguan_b',
  'owners_committee_member',
  'assessor',
];
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signIn(env.app, login, PASSWORD));
  return sessions.get(login)!;
};
const alice = () => as('13800000001');

afterSetUp(async () => {
  const hash = await hashPassword(PASSWORD);
  await kwrite(w.ctx, async (tx) => {
    for (const [username, name] of [
      ['paichusuo', '派出所联络员'],
      ['fangguan_b', '房管所二号'],
    ]) {
      const id = await createAccount(tx, env.kernel.pii, { username, displayName: name, password: PASSWORD, passwordHash: hash });
      await grantRole(tx, id, 'department_reviewer', w.places.S);
    }
  });
  org.police = (await createOrganisation(w.ctx, { placeId: w.places.S, kind: 'department', name: '测试派出所' })).id;
  org.housing = (await createOrganisation(w.ctx, { placeId: w.places.S, kind: 'department', name: '测试房管所' })).id;
  org.foreign = (await createOrganisation(w.ctx, { placeId: w.places.S2, kind: 'department', name: '邻街派出所' })).id;
  for (const login of [...STAFF, '13800000001']) await as(login);
  const street = await as('street_official');
  const add = async (body: object) => {
    const r = await street.request('POST', L, body);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const reviewer = (await as('department_reviewer')).accountId;
  liaison.housingA = await add({ departmentId: org.housing, line: 'housing', compoundId: w.places.A, accountId: reviewer, name: '房管员甲', phone: '13900001111', fromOn: '2026-11-01' });
  liaison.policeA = await add({ departmentId: org.police, line: 'police', compoundId: w.places.A, accountId: (await as('paichusuo')).accountId, name: '民警乙', fromOn: '2026-11-01' });
  await add({ departmentId: org.housing, line: 'housing', compoundId: w.places.B, accountId: (await as('fangguan_b')).accountId, name: '房管员丙', fromOn: '2026-11-01' });
});

/** Reports an event as a grid worker (at A unless told) and answers its id. */
async function report(over: object = {}, login = 'grid_worker'): Promise<string> {
  const r = await (await as(login)).request('POST', E, { placeId: w.places.A, location: '东门', category: 'property_service', description: '测试事件', ...over });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
const HANDLER: Record<string, string> = { property: 'property_staff', committee: 'committee_staff', housing: 'department_reviewer', police: 'paichusuo' };
const ok = async (login: string, path: string, body: object = {}) => {
  const r = await (await as(login)).request('POST', path, body);
  assert.equal(r.status, 200, `${login} ${path}: ${JSON.stringify(r.body)}`);
  return r.body;
};
type State = 'reported' | 'dispatched' | 'handling' | 'resolved' | 'closed' | 'escalated';
/** A fresh event in a state, taken there by the right roles. */
async function eventIn(state: State, { body = 'property', place = w.places.A, reporter = 'grid_worker', dispatcher = 'committee_staff' } = {}): Promise<string> {
  const id = await report({ placeId: place, description: `状态 ${state}` }, reporter);
  if (state === 'reported') return id;
  if (state === 'escalated') {
    await ok(dispatcher, `${E}/${id}/escalate`, { reason: '社区协调不了' });
    return id;
  }
  await ok(dispatcher, `${E}/${id}/dispatch`, { body });
  if (state === 'dispatched') return id;
  await ok(HANDLER[body]!, `${E}/${id}/accept`);
  if (state === 'handling') return id;
  await ok(HANDLER[body]!, `${E}/${id}/resolve`, { note: '已处理' });
  if (state === 'resolved') return id;
  await ok(dispatcher, `${E}/${id}/close`, {});
  return id;
}
const statusOf = async (id: string) => (await read(env.kernel).selectFrom('grid_events').select(['status', 'level', 'body']).where('id', '=', id).executeTakeFirstOrThrow());

describe('liaisons (执法进小区)', () => {
  test('a street official names one serving liaison per compound and line; refusals write nothing', async () => {
    const street = await as('street_official');
    const reviewer = (await as('department_reviewer')).accountId;
    const body = { departmentId: org.police, line: 'police', compoundId: w.places.B, accountId: reviewer, name: '民警丁', fromOn: '2026-11-20' };
    await expectRefused(env.kernel, TABLES, () => street.request('POST', L, { ...body, line: 'housing' }), 409, 'LIAISON_SERVING');
    await expectRefused(env.kernel, TABLES, () => street.request('POST', L, { ...body, departmentId: w.organisations.pc1 }), 400, 'NOT_A_DEPARTMENT');
    await expectRefused(env.kernel, TABLES, () => street.request('POST', L, { ...body, departmentId: org.foreign }), 400, 'NOT_A_DEPARTMENT');
    const gw = (await as('grid_worker')).accountId;
    await expectRefused(env.kernel, TABLES, () => street.request('POST', L, { ...body, accountId: gw }), 400, 'NOT_A_REVIEWER');
    await expectRefused(env.kernel, TABLES, () => street.request('POST', L, { ...body, compoundId: w.places.Z }), 403, 'FORBIDDEN');
    for (const login of ['grid_worker', 'committee_staff', 'property_manager']) await expectRefused(env.kernel, TABLES, async () => (await as(login)).request('POST', L, body), 403, 'FORBIDDEN');
    const made = await street.request('POST', L, body);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const row = await read(env.kernel).selectFrom('grid_liaisons').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    assert.equal(row.department_name, '测试派出所');
    const list = await street.request('GET', `${L}?compoundId=${w.places.B}&line=police`);
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].canEnd, true);
    await expectRefused(env.kernel, TABLES, () => street.request('POST', `${L}/${made.body.id}/end`, { untilOn: '2026-11-19' }), 400, 'UNTIL_BEFORE_FROM');
    const ended = await street.request('POST', `${L}/${made.body.id}/end`, { untilOn: '2026-11-21' });
    assert.equal(ended.status, 200);
    await expectRefused(env.kernel, TABLES, () => street.request('POST', `${L}/${made.body.id}/end`, { untilOn: '2026-11-22' }), 409, 'LIAISON_ENDED');
    assert.equal((await env.kernel.db.selectFrom('audit_log').select('id').where('subject_id', '=', made.body.id).execute()).length, 2, 'added and ended, audited');
    // Ended before today: the line at B has no serving liaison, so nothing goes there.
    const e = await report({ placeId: w.places.B, description: '派出所已离任' }, 'street_official');
    await expectRefused(env.kernel, TABLES, async () => (await as('street_official')).request('POST', `${E}/${e}/dispatch`, { body: 'police' }), 409, 'NO_LIAISON');
  });
  test('the liaisons list has a phone masked, an xlsx export, and only the compounds one may see', async () => {
    const list = await (await as('grid_worker')).request('GET', `${L}?compoundId=${w.places.A}&line=housing`);
    assert.equal(list.status, 200);
    assert.equal(list.body.items[0].phoneMasked, '139****1111');
    assert.equal(list.body.items[0].canEnd, false);
    const elsewhere = await (await as('grid_worker')).request('GET', `${L}?compoundId=${w.places.B}`);
    assert.equal(elsewhere.body.total, 0, 'G1 grid worker: not B');
    const x = await (await as('street_official')).request('GET', `${L}/export.xlsx`);
    assert.equal(x.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as never);
    assert.ok(wb.worksheets[0]!.rowCount >= 4);
    assert.equal((await (await as('assessor')).request('GET', L)).status, 403);
  });
});

describe('reporting', () => {
  test('staff report in their places, at a compound or building; a resident only at their own compound', async () => {
    const gw = await as('grid_worker');
    const made = await gw.upload(E, { placeId: w.places.A, location: '3栋北侧绿化带', category: 'illegal_building', description: '绿化带内新搭建彩钢棚', urgency: 'urgent' }, [photo]);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const got = await gw.request('GET', `${E}/${made.body.id}`);
    assert.equal(got.body.status, 'reported');
    assert.equal(got.body.files.length, 1);
    assert.deepEqual(got.body.timeline.map((s: { kind: string }) => s.kind), ['reported']);
    assert.deepEqual(got.body.actions, ['dispatch', 'dismiss', 'escalate']);
    assert.ok(got.body.bodies.some((b: { body: string }) => b.body === 'housing'));
    assert.ok(!got.body.bodies.some((b: { body: string }) => b.body === 'fire'), 'no fire liaison at A');
    assert.equal((await env.kernel.db.selectFrom('audit_log').select('action').where('subject_id', '=', made.body.id).executeTakeFirstOrThrow()).action, 'grid.events.reported');

    await report({ placeId: w.places.A1.building }, 'building_leader');
    const body = { placeId: w.places.A, category: 'other', description: '测试' };
    await expectRefused(env.kernel, TABLES, async () => (await as('building_leader')).request('POST', E, body), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, async () => (await as('grid_worker')).request('POST', E, { ...body, placeId: w.places.B }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, async () => (await as('property_staff')).request('POST', E, { ...body, placeId: w.places.B }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, async () => (await as('department_reviewer')).request('POST', E, body), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, async () => (await as('grid_worker')).request('POST', E, { ...body, placeId: w.rooms.A101 }), 400, 'EVENT_PLACE_KIND');
    await expectRefused(env.kernel, TABLES, async () => (await as('13800000001')).request('POST', E, body), 403, 'FORBIDDEN');

    const mine = await (await alice()).upload(ME, { placeId: w.places.A1.building, location: '1栋电梯', category: 'property_service', description: '电梯按钮失灵' }, [photo]);
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    await expectRefused(env.kernel, TABLES, async () => (await alice()).request('POST', ME, { ...body, placeId: w.places.B }), 403, 'NOT_YOUR_COMPOUND');
    await expectRefused(env.kernel, TABLES, async () => (await as('grid_worker')).request('POST', ME, body), 403, 'NOT_YOUR_COMPOUND');
    const list = await (await alice()).request('GET', ME);
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.events.map((e: { id: string }) => e.id), [mine.body.id]);
    assert.deepEqual(list.body.compounds.map((c: { id: string }) => c.id), [w.places.A]);
    // The committee sees the resident's name; property staff see it masked.
    const byCommittee = await (await as('committee_staff')).request('GET', `${E}/${mine.body.id}`);
    assert.equal(byCommittee.body.reporterName, '王丽');
    const byProperty = await (await as('property_staff')).request('GET', `${E}/${mine.body.id}`);
    assert.equal(byProperty.body.reporterName, '王*');
  });
  test('dispatch checks the body: a line needs a serving liaison, property a company', async () => {
    const a = await eventIn('reported');
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${a}/dispatch`, { body: 'fire' }), 409, 'NO_LIAISON');
    const b = await eventIn('reported', { place: w.places.B, reporter: 'street_official', dispatcher: 'street_official' });
    await expectRefused(env.kernel, TABLES, async () => (await as('street_official')).request('POST', `${E}/${b}/dispatch`, { body: 'property' }), 409, 'NO_PROPERTY_COMPANY');
    const d = await ok('committee_staff', `${E}/${a}/dispatch`, { body: 'housing' });
    assert.equal(d.status, 'dispatched');
    const row = await read(env.kernel).selectFrom('grid_events').select(['liaison_id', 'due_at', 'dispatched_at']).where('id', '=', a).executeTakeFirstOrThrow();
    assert.equal(row.liaison_id, liaison.housingA);
    assert.equal(row.due_at!.getTime() - row.dispatched_at!.getTime(), 72 * 3_600_000, 'normal: 72 hours');
    const u = await report({ urgency: 'urgent' });
    await ok('committee_staff', `${E}/${u}/dispatch`, { body: 'committee' });
    const ur = await read(env.kernel).selectFrom('grid_events').select(['due_at', 'dispatched_at']).where('id', '=', u).executeTakeFirstOrThrow();
    assert.equal(ur.due_at!.getTime() - ur.dispatched_at!.getTime(), 24 * 3_600_000, 'urgent: 24 hours');
    const told = await env.kernel.db.selectFrom('notify_batches').select(['template']).where('subject_id', '=', a).execute();
    assert.deepEqual(told.map((t) => t.template), ['grid.events.dispatched']);
    const inbox = await env.kernel.db.selectFrom('notify_messages as m').innerJoin('notify_batches as b', 'b.id', 'm.batch_id').select('m.account_id').where('b.subject_id', '=', a).execute();
    assert.deepEqual(inbox.map((m) => m.account_id), [(await as('department_reviewer')).accountId], 'the housing liaison only');
  });
});

/** Who reads an event at A before and after it goes to a body (for 403 vs 404). */
const READERS_AT_A = ['street_official', 'platform_admin', 'community_secretary', 'committee_staff', 'grid_worker', 'property_manager', 'property_staff'];
const DISPATCHERS_AT_A = ['street_official', 'community_secretary', 'committee_staff', 'grid_worker'];
const readersOf = (body: string | null) => [...READERS_AT_A, ...(body === 'housing' ? ['department_reviewer'] : body === 'police' ? ['paichusuo'] : [])];

type Row = { transition: string; from: State; body?: string; send?: object; allowed: string[]; to: string };
const MATRIX: Row[] = [
  { transition: 'dispatch', from: 'reported', send: { body: 'committee' }, allowed: DISPATCHERS_AT_A, to: 'dispatched' },
  { transition: 'dismiss', from: 'reported', send: { reason: '重复上报' }, allowed: DISPATCHERS_AT_A, to: 'dismissed' },
  { transition: 'escalate', from: 'dispatched', send: { reason: '需要街道协调' }, allowed: DISPATCHERS_AT_A, to: 'dispatched' },
  { transition: 'reassign', from: 'handling', body: 'property', send: { body: 'committee' }, allowed: DISPATCHERS_AT_A, to: 'dispatched' },
  { transition: 'close', from: 'resolved', send: {}, allowed: DISPATCHERS_AT_A, to: 'closed' },
  { transition: 'reopen', from: 'closed', send: { reason: '居民反映仍未解决' }, allowed: DISPATCHERS_AT_A, to: 'dispatched' },
  { transition: 'accept', from: 'dispatched', body: 'property', allowed: ['property_manager', 'property_staff'], to: 'handling' },
  { transition: 'accept', from: 'dispatched', body: 'committee', allowed: ['community_secretary', 'committee_staff'], to: 'handling' },
  { transition: 'accept', from: 'dispatched', body: 'housing', allowed: ['department_reviewer'], to: 'handling' },
  { transition: 'reject', from: 'dispatched', body: 'police', send: { reason: '不属于治安问题' }, allowed: ['paichusuo'], to: 'reported' },
  { transition: 'reject', from: 'dispatched', body: 'property', send: { reason: '不属于物业服务范围' }, allowed: ['property_manager', 'property_staff'], to: 'reported' },
  { transition: 'resolve', from: 'handling', body: 'housing', send: { note: '已现场查看并责令整改' }, allowed: ['department_reviewer'], to: 'resolved' },
  { transition: 'resolve', from: 'handling', body: 'committee', send: { note: '已调解' }, allowed: ['community_secretary', 'committee_staff'], to: 'resolved' },
];

describe('every transition only by the right role', () => {
  for (const row of MATRIX) {
    test(`${row.transition} from ${row.from}${row.body ? ` (${row.body})` : ''}: ${row.allowed.join(', ')}`, async () => {
      const body = row.body ?? 'committee';
      const target = await eventIn(row.from, { body });
      const readers = readersOf(row.from === 'reported' ? null : body);
      for (const login of [...STAFF, '13800000001'].filter((l) => !row.allowed.includes(l))) {
        const status = readers.includes(login) ? 403 : 404;
        await expectRefused(env.kernel, TABLES, async () => (await as(login)).request('POST', `${E}/${target}/${row.transition}`, row.send ?? {}), status, status === 403 ? 'FORBIDDEN' : 'EVENT_NOT_FOUND');
      }
      for (const login of row.allowed) {
        const id = await eventIn(row.from, { body });
        const before = await countRows(env.kernel, ['grid_event_steps', 'audit_log']);
        const done = await ok(login, `${E}/${id}/${row.transition}`, row.send ?? {});
        assert.equal(done.status, row.to);
        const s = await statusOf(id);
        assert.equal(s.status, row.to);
        const after = await countRows(env.kernel, ['grid_event_steps', 'audit_log']);
        assert.equal(after.grid_event_steps, before.grid_event_steps! + 1, 'one timeline step');
        assert.equal(after.audit_log, before.audit_log! + 1, 'one audit entry');
        const step = await read(env.kernel).selectFrom('grid_event_steps').select(['from_status', 'to_status', 'actor_name']).where('event_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
        assert.equal(step.from_status, row.from === 'escalated' ? 'reported' : row.from);
        assert.equal(step.to_status, row.to);
      }
    });
  }
  test('after escalation only street officials dispatch; escalating twice is a 409', async () => {
    const id = await eventIn('escalated');
    assert.equal((await statusOf(id)).level, 'street');
    for (const login of ['community_secretary', 'committee_staff', 'grid_worker']) {
      await expectRefused(env.kernel, TABLES, async () => (await as(login)).request('POST', `${E}/${id}/dispatch`, { body: 'committee' }), 403, 'FORBIDDEN');
    }
    await expectRefused(env.kernel, TABLES, async () => (await as('street_official')).request('POST', `${E}/${id}/escalate`, { reason: '再次' }), 409, 'ALREADY_ESCALATED');
    const told = await env.kernel.db.selectFrom('notify_batches').select('template').where('subject_id', '=', id).execute();
    assert.deepEqual(told.map((t) => t.template), ['grid.events.escalated']);
    const got = await (await as('street_official')).request('GET', `${E}/${id}`);
    assert.deepEqual(got.body.actions, ['dispatch', 'dismiss']);
    const community = await (await as('committee_staff')).request('GET', `${E}/${id}`);
    assert.deepEqual(community.body.actions, [], 'the community reads it but no longer acts on it');
    await ok('street_official', `${E}/${id}/dispatch`, { body: 'police' });
  });
  test('the states: a transition from the wrong status is a 409 that writes nothing', async () => {
    const dispatched = await eventIn('dispatched', { body: 'committee' });
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${dispatched}/close`, {}), 409, 'EVENT_STATE');
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${dispatched}/dispatch`, { body: 'property' }), 409, 'EVENT_STATE');
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${dispatched}/resolve`, { note: 'x' }), 409, 'EVENT_STATE');
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${dispatched}/reassign`, { body: 'committee' }), 409, 'SAME_BODY');
    const closed = await eventIn('closed', { body: 'committee' });
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${closed}/dismiss`, { reason: 'x' }), 409, 'EVENT_STATE');
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${closed}/escalate`, { reason: 'x' }), 409, 'EVENT_STATE');
    // Rejected: back to 待派遣 without a body; reopened: back to the same body.
    const rejected = await eventIn('dispatched', { body: 'property' });
    await ok('property_staff', `${E}/${rejected}/reject`, { reason: '不属于物业' });
    assert.deepEqual(await statusOf(rejected), { status: 'reported', level: 'community', body: null });
    await ok('committee_staff', `${E}/${closed}/reopen`, { reason: '仍未解决' });
    assert.deepEqual(await statusOf(closed), { status: 'dispatched', level: 'community', body: 'committee' });
    const got = await (await as('committee_staff')).request('GET', `${E}/${closed}`);
    assert.deepEqual(
      got.body.timeline.map((s: { kind: string }) => s.kind),
      ['reported', 'dispatched', 'accepted', 'resolved', 'closed', 'reopened'],
    );
    assert.deepEqual(got.body.actions, ['reassign', 'dismiss', 'escalate', 'accept', 'reject'], 'dispatcher and committee handler at once');
  });
});

describe('a liaison sees only the events dispatched to them', () => {
  let housing = '';
  let police = '';
  let atB = '';
  let before_ = '';
  before(async () => {
    housing = await report({ description: '联络员可见：房屋安全', category: 'housing_safety' });
    await (await as('grid_worker')).upload(`${E}`, { placeId: w.places.A, category: 'housing_safety', description: '联络员可见：带照片' }, [photo]);
    await ok('committee_staff', `${E}/${housing}/dispatch`, { body: 'housing' });
    police = await (async () => {
      const r = await (await as('grid_worker')).upload(E, { placeId: w.places.A, category: 'public_security', description: '联络员可见：治安' }, [photo]);
      return r.body.id as string;
    })();
    await ok('committee_staff', `${E}/${police}/dispatch`, { body: 'police' });
    atB = await report({ placeId: w.places.B, description: '联络员可见：B小区' }, 'street_official');
    await ok('street_official', `${E}/${atB}/dispatch`, { body: 'housing' });
    // Dispatched to housing, then reassigned to the committee: the liaison keeps seeing it.
    before_ = await report({ description: '联络员可见：改派' });
    await ok('committee_staff', `${E}/${before_}/dispatch`, { body: 'housing' });
    await ok('committee_staff', `${E}/${before_}/reassign`, { body: 'committee' });
  });
  test('list, detail and photo', async () => {
    const bumen = await as('department_reviewer');
    const list = await bumen.request('GET', `${E}?q=${encodeURIComponent('联络员可见')}`);
    assert.equal(list.status, 200);
    assert.deepEqual(new Set(list.body.items.map((e: { id: string }) => e.id)), new Set([housing, before_]));
    const other = await (await as('fangguan_b')).request('GET', `${E}?q=${encodeURIComponent('联络员可见')}`);
    assert.deepEqual(other.body.items.map((e: { id: string }) => e.id), [atB]);
    const pcs = await (await as('paichusuo')).request('GET', `${E}?q=${encodeURIComponent('联络员可见')}`);
    assert.deepEqual(pcs.body.items.map((e: { id: string }) => e.id), [police]);
    assert.equal((await bumen.request('GET', `${E}/${housing}`)).status, 200);
    assert.deepEqual((await bumen.request('GET', `${E}/${housing}`)).body.actions, ['accept', 'reject']);
    assert.deepEqual((await bumen.request('GET', `${E}/${before_}`)).body.actions, [], 'reassigned away: read only');
    assert.equal((await bumen.request('GET', `${E}/${police}`)).status, 404);
    assert.equal((await bumen.request('GET', `${E}/${atB}`)).status, 404);
    const policePhoto = (await (await as('paichusuo')).request('GET', `${E}/${police}`)).body.files[0].id;
    assert.equal((await (await as('paichusuo')).request('GET', `/api/grid/files/${policePhoto}`)).status, 200);
    assert.equal((await bumen.request('GET', `/api/grid/files/${policePhoto}`)).status, 404);
    assert.equal((await (await as('assessor')).request('GET', `/api/grid/files/${policePhoto}`)).status, 404);
    assert.equal((await (await as('committee_staff')).request('GET', `/api/grid/files/${policePhoto}`)).status, 200);
    const x = await bumen.request('GET', `${E}/export.xlsx?q=${encodeURIComponent('联络员可见')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as never);
    assert.equal(wb.worksheets[0]!.rowCount, 3, 'the header and his two');
  });
});

describe('rating', () => {
  test('only the reporter, only when closed, once', async () => {
    const id = await eventIn('resolved', { body: 'committee' });
    await expectRefused(env.kernel, TABLES, async () => (await as('grid_worker')).request('POST', `${E}/${id}/rate`, { stars: 5 }), 409, 'EVENT_STATE');
    await ok('committee_staff', `${E}/${id}/close`, {});
    await expectRefused(env.kernel, TABLES, async () => (await as('committee_staff')).request('POST', `${E}/${id}/rate`, { stars: 5 }), 403, 'NOT_REPORTER');
    await expectRefused(env.kernel, TABLES, async () => (await as('assessor')).request('POST', `${E}/${id}/rate`, { stars: 5 }), 404, 'EVENT_NOT_FOUND');
    const got = await (await as('grid_worker')).request('GET', `${E}/${id}`);
    assert.ok(got.body.actions.includes('rate'));
    const r = await ok('grid_worker', `${E}/${id}/rate`, { stars: 4, comment: '处理及时' });
    assert.equal(r.rating, 4);
    await expectRefused(env.kernel, TABLES, async () => (await as('grid_worker')).request('POST', `${E}/${id}/rate`, { stars: 5 }), 409, 'ALREADY_RATED');
    assert.ok(!(await (await as('grid_worker')).request('GET', `${E}/${id}`)).body.actions.includes('rate'));
  });
  test('a resident rates the event they reported on the H5; the closing tells them', async () => {
    const made = await (await alice()).request('POST', ME, { placeId: w.places.A, category: 'sanitation', description: '垃圾桶满溢' });
    const id = made.body.id as string;
    await ok('committee_staff', `${E}/${id}/dispatch`, { body: 'committee' });
    await ok('committee_staff', `${E}/${id}/accept`);
    await ok('committee_staff', `${E}/${id}/resolve`, { note: '已清运' });
    await expectRefused(env.kernel, TABLES, async () => (await alice()).request('POST', `${ME}/${id}/rate`, { stars: 5 }), 409, 'EVENT_STATE');
    await ok('committee_staff', `${E}/${id}/close`, {});
    const inbox = await env.kernel.db.selectFrom('notify_messages as m').innerJoin('notify_batches as b', 'b.id', 'm.batch_id').select(['m.account_id', 'b.template']).where('b.subject_id', '=', id).where('b.template', '=', 'grid.events.closed').execute();
    assert.deepEqual(inbox.map((m) => m.account_id), [(await alice()).accountId]);
    const mine = await (await alice()).request('GET', `${ME}/${id}`);
    assert.deepEqual(mine.body.actions, ['rate']);
    assert.equal(mine.body.timeline.find((s: { kind: string }) => s.kind === 'dispatched').actorName, '', 'staff names stay with the staff');
    assert.equal((await (await alice()).request('POST', `${ME}/${id}/rate`, { stars: 5, comment: '很满意' })).status, 200);
    await expectRefused(env.kernel, TABLES, async () => (await alice()).request('POST', `${ME}/${id}/rate`, { stars: 1 }), 409, 'ALREADY_RATED');
    assert.equal((await (await as('grid_worker')).request('GET', `${ME}/${id}`)).status, 404, 'not theirs');
  });
});

describe('who reads what', () => {
  let atA = '';
  let atA1 = '';
  let atB = '';
  before(async () => {
    atA = await report({ description: '读取矩阵 A' });
    atA1 = await report({ placeId: w.places.A1.building, description: '读取矩阵 A1' }, 'building_leader');
    atB = await report({ placeId: w.places.B, description: '读取矩阵 B' }, 'street_official');
  });
  const SEES: Record<string, 'A' | 'A1' | 'all' | 'none' | 403> = {
    street_official: 'all',
    platform_admin: 'all',
    community_secretary: 'A',
    committee_staff: 'A',
    grid_worker: 'A',
    property_manager: 'A',
    property_staff: 'A',
    building_leader: 'A1',
    department_reviewer: 'none',
    owners_committee_member: 403,
    assessor: 403,
    '13800000001': 403,
  };
  for (const [login, sees] of Object.entries(SEES)) {
    test(`${login}: ${sees}`, async () => {
      const s = await as(login);
      const list = await s.request('GET', `${E}?q=${encodeURIComponent('读取矩阵')}&sort=createdAt&order=asc`);
      if (sees === 403) {
        assert.equal(list.status, 403);
        for (const id of [atA, atA1, atB]) assert.equal((await s.request('GET', `${E}/${id}`)).status, 404);
        return;
      }
      const expected = sees === 'all' ? [atA, atA1, atB] : sees === 'A' ? [atA, atA1] : sees === 'A1' ? [atA1] : [];
      assert.deepEqual(list.body.items.map((e: { id: string }) => e.id), expected);
      for (const id of [atA, atA1, atB]) assert.equal((await s.request('GET', `${E}/${id}`)).status, expected.includes(id) ? 200 : 404, `${login} reads ${id}`);
    });
  }
  test('filters: status, category, overdue, place', async () => {
    const s = await as('street_official');
    const q = encodeURIComponent('读取矩阵');
    assert.equal((await s.request('GET', `${E}?q=${q}&placeId=${w.places.B}`)).body.total, 1);
    assert.equal((await s.request('GET', `${E}?q=${q}&status=reported`)).body.total, 3);
    assert.equal((await s.request('GET', `${E}?q=${q}&status=closed`)).body.total, 0);
    assert.equal((await s.request('GET', `${E}?q=${q}&category=property_service`)).body.total, 3);
    assert.equal((await s.request('GET', `${E}?q=${q}&overdue=true`)).body.total, 0);
    assert.equal((await s.request('GET', `${E}?q=${q}&mine=dispatch`)).body.total, 3);
    assert.equal((await (await as('grid_worker')).request('GET', `${E}?placeId=${w.places.B}`)).status, 404);
  });
});

describe('joint patrols (联合巡查)', () => {
  test('recorded at a compound with its serving liaisons; the events found link to it', async () => {
    const P = '/api/grid/patrols';
    const bumen = await as('department_reviewer');
    const body = { compoundId: w.places.A, patrolOn: '2026-11-21', liaisonIds: [liaison.housingA, liaison.policeA], findings: '楼道堆放杂物两处' };
    await expectRefused(env.kernel, TABLES, () => bumen.request('POST', P, { ...body, patrolOn: '2026-11-23' }), 400, 'PATROL_DAY_FUTURE');
    await expectRefused(env.kernel, TABLES, () => bumen.request('POST', P, { ...body, compoundId: w.places.B }), 400, 'LIAISON_NOT_AT_COMPOUND');
    await expectRefused(env.kernel, TABLES, () => bumen.request('POST', P, { ...body, liaisonIds: [liaison.housingA], patrolOn: '2026-10-31' }), 400, 'LIAISON_NOT_AT_COMPOUND');
    for (const login of ['property_staff', 'building_leader', 'assessor']) await expectRefused(env.kernel, TABLES, async () => (await as(login)).request('POST', P, body), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, async () => (await as('grid_worker')).request('POST', P, { ...body, compoundId: w.places.B, liaisonIds: [] }), 403, 'FORBIDDEN');
    const made = await bumen.upload(P, { compoundId: w.places.A, patrolOn: '2026-11-21', liaisonIds: `${liaison.housingA},${liaison.policeA}`, findings: '楼道堆放杂物两处' }, [photo]);
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const event = await report({ patrolId: made.body.id, description: '巡查发现：楼道堆物' });
    await expectRefused(env.kernel, TABLES, async () => (await as('street_official')).request('POST', E, { placeId: w.places.B, category: 'other', description: 'x', patrolId: made.body.id }), 404, 'PATROL_NOT_FOUND');
    const list = await (await as('grid_worker')).request('GET', `${P}?compoundId=${w.places.A}&q=${encodeURIComponent('楼道堆放杂物两处')}`);
    assert.equal(list.body.total, 1);
    const row = list.body.items[0];
    assert.deepEqual(row.liaisons.map((l: { name: string }) => l.name).sort(), ['房管员甲', '民警乙'].sort());
    assert.equal(row.events, 1);
    assert.equal((await (await as('grid_worker')).request('GET', `/api/grid/files/${row.files[0].id}`)).status, 200, 'its photo, for those who see its compound');
    assert.equal((await (await as('assessor')).request('GET', `/api/grid/files/${row.files[0].id}`)).status, 404);
    assert.equal((await (await as('grid_worker')).request('GET', `${E}/${event}`)).body.patrolId, made.body.id);
    assert.equal((await (await as('grid_worker')).request('GET', `${P}?compoundId=${w.places.B}`)).body.total, 0);
  });
});

describe('the workbench home', () => {
  test('to-dos counted by the list: waiting for my dispatch, dispatched to me, overdue', async () => {
    const todos = async (login: string) => {
      const r = await (await as(login)).request('GET', '/api/me/workbench');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return Object.fromEntries((r.body.todos as { key: string; count: number }[]).filter((x) => x.key.startsWith('gridEvents')).map((x) => [x.key, x.count]));
    };
    const total = async (login: string, q: string) => (await (await as(login)).request('GET', `${E}?${q}`)).body.total as number;
    const before_ = await todos('department_reviewer');
    await eventIn('dispatched', { body: 'housing' });
    const after_ = await todos('department_reviewer');
    assert.equal(after_.gridEventsToHandle, (before_.gridEventsToHandle ?? 0) + 1);
    assert.equal(after_.gridEventsToHandle, await total('department_reviewer', 'mine=handle'));
    const cs = await todos('committee_staff');
    assert.equal(cs.gridEventsToDispatch, await total('committee_staff', 'mine=dispatch'));
    assert.ok(cs.gridEventsToDispatch! > 0);
    assert.equal((await todos('assessor')).gridEventsToDispatch, undefined);
  });
});
