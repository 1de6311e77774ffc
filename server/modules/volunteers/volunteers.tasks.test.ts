import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describe, test } from 'node:test';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write as kwrite } from '../../kernel/context.ts';
import { newId } from '../../kernel/ids.ts';
import { type Client, signInClient as signIn } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { write } from './volunteers.db.ts';

/**
 * 任务抢单: posting (a compound or community, a deadline ahead, the place's approved volunteers told), grabbing (only an
 * approved volunteer; the deadline instant refused; a taken task refused TASK_ALREADY_TAKEN), giving back, done with a
 * photo, confirmation by staff with tasksManage (credited once), return and cancel, the board's filters, the H5 list,
 * and who may do what inside and outside their places.
 */
const { env, w, afterSetUp } = useWorld();
const T = '/api/volunteers/tasks';
const ME = '/api/me/volunteers/tasks';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 2)]);
const photo = { filename: 'done.png', type: 'image/png', content: PNG };
const person: Record<'tom' | 'bob' | 'sun', string> = {} as never;
const TABLES = ['vol_tasks', 'vol_task_events', 'vol_photos', 'vol_points_ledger', 'vol_point_accounts', 'audit_log', 'notify_messages'];

afterSetUp(async () => {
  const hash = await hashPassword(PASSWORD);
  person.tom = w.persons.tom;
  person.bob = w.persons.bob;
  person.sun = await w.person(w.places.A, '孙悦');
  await kwrite(w.ctx, async (tx) => {
    await createAccount(tx, env.kernel.pii, { phone: '13800000002', displayName: '陈涛', password: PASSWORD, passwordHash: hash, personId: person.tom });
    await createAccount(tx, env.kernel.pii, { phone: '13800000077', displayName: '李波', password: PASSWORD, passwordHash: hash, personId: person.bob });
    await createAccount(tx, env.kernel.pii, { phone: '13800000078', displayName: '孙悦', password: PASSWORD, passwordHash: hash, personId: person.sun });
  });
  await write(w.ctx, async (tx) => {
    const add = (personId: string, name: string, placeId: string, status: 'approved' | 'pending' | 'suspended') =>
      tx.insertInto('vol_volunteers').values({ street_id: w.places.S, id: newId(), person_id: personId, person_name: name, place_id: placeId, status }).execute();
    await add(w.persons.alice, '王丽', w.places.A, 'approved');
    await add(person.tom, '陈涛', w.places.A, 'pending');
    await add(person.bob, '李波', w.places.B, 'approved');
    await add(person.sun, '孙悦', w.places.A, 'suspended');
  });
  await write(w.ctx, (tx) => tx.insertInto('vol_banned_words').values({ street_id: w.places.S, id: newId(), word: '微信转账' }).execute());
  // Signed in before the tests: a sign-in writes its own audit entry, which a refusal's check would count.
  for (const login of [...LOGINS, '13800000001', '13800000002', '13800000077', '13800000078']) await session(login);
});
const LOGINS = ['street_official', 'platform_admin', 'community_secretary', 'committee_staff', 'grid_worker', 'building_leader', 'property_manager', 'owners_committee_member', 'assessor'];

// Each login signs in once for the file (sign-in is rate-limited, and audited).
const sessions = new Map<string, Promise<Client>>();
const session = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signIn(env.app, login, PASSWORD));
  return sessions.get(login)!;
};
const staff = (role: string) => session(role);
const alice = () => session('13800000001');
const tom = () => session('13800000002');
const bob = () => session('13800000077');
const sun = () => session('13800000078');
const inHours = (h: number) => new Date(env.clock.now().getTime() + h * 3_600_000).toISOString();
const body = (over: object = {}) => ({ placeId: w.places.A, title: '为独居老人代取药品', target: '1栋1单元102 王奶奶', description: '到社区卫生服务中心代取降压药', points: 20, minutes: 30, deadline: inHours(48), ...over });
async function post(s: Client, over: object = {}): Promise<string> {
  const r = await s.request('POST', T, body(over));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
const ledgerOf = (taskId: string) => env.kernel.db.selectFrom('vol_points_ledger' as never).selectAll().where('source_id' as never, '=', taskId as never).execute() as Promise<{ person_id: string; delta: number; minutes: number; balance_after: number }[]>;
const auditOf = (taskId: string, action: string) =>
  env.kernel.db.selectFrom('audit_log').select('id').where('subject_id', '=', taskId).where('action', '=', action).execute();

describe('posting', () => {
  test('a compound or a community, deadline ahead; the approved volunteers around the place are told', async () => {
    const juweihui = await staff('committee_staff');
    const made = await juweihui.request('POST', T, body({ title: '通知测试' }));
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.notified, 1, '王丽 (approved at A); not 陈涛 (pending), 孙悦 (suspended), 李波 (at B)');
    const community = await juweihui.request('POST', T, body({ placeId: w.places.C1, title: '社区任务' }));
    assert.equal(community.body.notified, 1, 'a community task reaches the volunteers of its compounds');
    const inbox = await env.kernel.db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
      .select(['b.template', 'm.account_id'])
      .where('b.subject_id', '=', made.body.id)
      .execute();
    assert.deepEqual(inbox, [{ template: 'volunteers.tasks.posted', account_id: w.accounts.resident }]);
    await expectRefused(env.kernel, TABLES, () => juweihui.request('POST', T, body({ placeId: w.places.G1 })), 400, 'TASK_PLACE_KIND');
    await expectRefused(env.kernel, TABLES, () => juweihui.request('POST', T, body({ deadline: env.clock.now().toISOString() })), 400, 'TASK_DEADLINE_PAST');
    await expectRefused(env.kernel, TABLES, () => juweihui.request('POST', T, body({ placeId: w.places.B })), 403, 'FORBIDDEN');
    assert.equal((await juweihui.request('POST', T, body({ points: 1001 }))).status, 400);
    assert.equal((await juweihui.request('POST', T, body({ minutes: 1441 }))).status, 400);
    assert.equal((await juweihui.request('POST', T, body({ points: -1 }))).status, 400);
    assert.equal((await juweihui.request('POST', T, body({ points: 1000, minutes: 1440, title: '上限' }))).status, 201, 'the bounds themselves are fine');
    assert.equal((await juweihui.request('POST', T, body({ points: 0, minutes: 0, title: '下限' }))).status, 201);
    assert.equal((await juweihui.request('POST', T, body({ deadline: inHours(0.001) }))).status, 201, 'a deadline one moment ahead is fine');
  });
});

describe('grabbing', () => {
  test('only an approved volunteer; a taken task refuses the next with TASK_ALREADY_TAKEN; one audit entry', async () => {
    const id = await post(await staff('committee_staff'), { title: '抢单规则' });
    await expectRefused(env.kernel, TABLES, async () => (await tom()).request('POST', `${ME}/${id}/grab`), 403, 'NOT_A_VOLUNTEER');
    await expectRefused(env.kernel, TABLES, async () => (await sun()).request('POST', `${ME}/${id}/grab`), 403, 'NOT_A_VOLUNTEER');
    await expectRefused(env.kernel, TABLES, async () => (await staff('committee_staff')).request('POST', `${ME}/${id}/grab`), 403, 'NOT_A_VOLUNTEER');
    const won = await (await alice()).request('POST', `${ME}/${id}/grab`);
    assert.equal(won.status, 200, JSON.stringify(won.body));
    assert.equal(won.body.status, 'grabbed');
    const lost = await expectRefused(env.kernel, TABLES, async () => (await bob()).request('POST', `${ME}/${id}/grab`), 409, 'TASK_ALREADY_TAKEN');
    assert.match(lost.message, /已被其他志愿者抢走/);
    assert.equal((await (await alice()).request('POST', `${ME}/${id}/grab`)).body.error.code, 'TASK_ALREADY_TAKEN', 'a second grab by the winner too');
    assert.equal((await auditOf(id, 'volunteers.tasks.grabbed')).length, 1);
    await expectRefused(env.kernel, TABLES, async () => (await bob()).request('POST', `${ME}/${newId()}/grab`), 404, 'TASK_NOT_FOUND');
  });

  test('the deadline: a grab a millisecond before it wins; at the deadline instant it is refused TASK_EXPIRED and shown expired', async () => {
    const juweihui = await staff('committee_staff');
    // Ten minutes: the sessions (30 minutes idle) stay alive.
    const a = await post(juweihui, { title: '边界一', deadline: inHours(1 / 6) });
    const b = await post(juweihui, { title: '边界二', deadline: inHours(1 / 6) });
    const al = await alice();
    env.clock.advance(600_000 - 1);
    assert.equal((await al.request('POST', `${ME}/${a}/grab`)).status, 200);
    env.clock.advance(1);
    await expectRefused(env.kernel, TABLES, () => al.request('POST', `${ME}/${b}/grab`), 409, 'TASK_EXPIRED');
    assert.equal((await juweihui.request('GET', `${T}/${b}`)).body.status, 'expired');
    const expired = (await juweihui.request('GET', `${T}?status=expired&pageSize=200`)).body.items.map((r: { id: string }) => r.id);
    const open = (await juweihui.request('GET', `${T}?status=open&pageSize=200`)).body.items.map((r: { id: string }) => r.id);
    assert.ok(expired.includes(b) && !open.includes(b));
    assert.ok(!(await al.request('GET', ME)).body.open.some((t: { id: string }) => t.id === b), 'no longer offered on the phone');
  });

  test('the winner may give the task back (audited): open again, someone else takes it; nobody else may give it back', async () => {
    const id = await post(await staff('committee_staff'), { title: '退单' });
    const al = await alice();
    const bo = await bob();
    assert.equal((await al.request('POST', `${ME}/${id}/grab`)).status, 200);
    await expectRefused(env.kernel, TABLES, () => bo.request('POST', `${ME}/${id}/give-back`), 403, 'TASK_NOT_YOURS');
    assert.equal((await al.request('POST', `${ME}/${id}/give-back`)).body.status, 'open');
    assert.equal((await auditOf(id, 'volunteers.tasks.given_back')).length, 1);
    assert.equal((await bo.request('POST', `${ME}/${id}/grab`)).status, 200, 'a volunteer of another compound of the street may take it');
    assert.equal((await al.request('POST', `${ME}/${id}/give-back`)).body.error.code, 'TASK_NOT_YOURS');
  });
});

describe('done, confirmed, credited once', () => {
  test('done needs a photo and a clean note; staff with tasksManage confirm; the points and minutes are credited once', async () => {
    const juweihui = await staff('committee_staff');
    const id = await post(juweihui, { title: '完成与确认', points: 20, minutes: 30 });
    const al = await alice();
    assert.equal((await al.request('POST', `${ME}/${id}/grab`)).status, 200);
    await expectRefused(env.kernel, TABLES, () => al.upload(`${ME}/${id}/done`, { note: '已送达' }, []), 400, 'PHOTO_REQUIRED');
    await expectRefused(env.kernel, TABLES, () => al.request('POST', `${ME}/${id}/done`, { note: '已送达' }), 400, 'PHOTO_REQUIRED');
    await expectRefused(env.kernel, TABLES, () => al.upload(`${ME}/${id}/done`, { note: '请微信转账给我' }, photo), 400, 'BANNED_WORD');
    await expectRefused(env.kernel, TABLES, async () => (await bob()).upload(`${ME}/${id}/done`, { note: '已送达' }, photo), 403, 'TASK_NOT_YOURS');
    await expectRefused(env.kernel, TABLES, () => juweihui.request('POST', `${T}/${id}/confirm`), 409, 'TASK_STATE');
    const done = await al.upload(`${ME}/${id}/done`, { note: '药已送到王奶奶家中' }, photo);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'done');
    assert.equal((await al.request('GET', ME)).body.mine.find((t: { id: string }) => t.id === id).status, 'done');

    // Who may confirm: tasksManage over the place — not the volunteer, not roles without the task board.
    await expectRefused(env.kernel, TABLES, () => al.request('POST', `${T}/${id}/confirm`), 404, 'TASK_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await staff('building_leader')).request('POST', `${T}/${id}/confirm`), 404, 'TASK_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await staff('property_manager')).request('POST', `${T}/${id}/confirm`), 404, 'TASK_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await staff('platform_admin')).request('POST', `${T}/${id}/confirm`), 403, 'FORBIDDEN');

    const confirmed = await juweihui.request('POST', `${T}/${id}/confirm`);
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal(confirmed.body.balance, 20);
    const lines = await ledgerOf(id);
    assert.equal(lines.length, 1);
    assert.deepEqual({ person: lines[0]!.person_id, delta: lines[0]!.delta, minutes: lines[0]!.minutes }, { person: w.persons.alice, delta: 20, minutes: 30 });
    await expectRefused(env.kernel, TABLES, () => juweihui.request('POST', `${T}/${id}/confirm`), 409, 'TASK_STATE');
    await expectRefused(env.kernel, TABLES, async () => (await staff('street_official')).request('POST', `${T}/${id}/confirm`), 409, 'TASK_STATE');
    assert.equal((await ledgerOf(id)).length, 1, 'credited once');
    const view = (await juweihui.request('GET', `${T}/${id}`)).body;
    assert.equal(view.status, 'confirmed');
    assert.equal(view.photos.length, 1);
    assert.deepEqual(view.timeline.map((e: { kind: string }) => e.kind), ['posted', 'grabbed', 'done', 'confirmed']);
    assert.equal(view.timeline[1].actorName, '王丽');
    // The photo: staff of the board and the uploader see it; another resident does not.
    assert.equal((await juweihui.request('GET', `/api/volunteers/photos/${view.photos[0]}`)).status, 200);
    assert.equal((await al.request('GET', `/api/volunteers/photos/${view.photos[0]}`)).status, 200);
    assert.equal((await (await bob()).request('GET', `/api/volunteers/photos/${view.photos[0]}`)).status, 404);
  });

  test('a grid worker over the compound confirms too; staff return a done task with a reason, and it is done again', async () => {
    const id = await post(await staff('committee_staff'), { title: '退回再做', points: 7, minutes: 15 });
    const al = await alice();
    await al.request('POST', `${ME}/${id}/grab`);
    await al.upload(`${ME}/${id}/done`, { note: '完成' }, photo);
    const grid = await staff('grid_worker');
    await expectRefused(env.kernel, TABLES, () => grid.request('POST', `${T}/${id}/return`, { reason: '' }), 400, 'VALIDATION_FAILED');
    const back = await grid.request('POST', `${T}/${id}/return`, { reason: '照片看不清，请重拍' });
    assert.equal(back.body.status, 'grabbed');
    const mine = (await al.request('GET', ME)).body.mine.find((t: { id: string }) => t.id === id);
    assert.equal(mine.returnReason, '照片看不清，请重拍');
    assert.equal((await al.upload(`${ME}/${id}/done`, { note: '已重拍' }, photo)).status, 200);
    assert.equal((await grid.request('POST', `${T}/${id}/confirm`)).status, 200);
    assert.deepEqual((await ledgerOf(id)).map((l) => [l.delta, l.minutes]), [[7, 15]]);
  });

  test('cancelling: open or taken, with a reason; a cancelled task cannot be grabbed; a done one cannot be cancelled', async () => {
    const juweihui = await staff('committee_staff');
    const id = await post(juweihui, { title: '取消' });
    assert.equal((await juweihui.request('POST', `${T}/${id}/cancel`, { reason: '已有人帮忙' })).body.status, 'cancelled');
    await expectRefused(env.kernel, TABLES, async () => (await alice()).request('POST', `${ME}/${id}/grab`), 409, 'TASK_CANCELLED');
    const done = await post(juweihui, { title: '已完成不可取消' });
    const al = await alice();
    await al.request('POST', `${ME}/${done}/grab`);
    await al.upload(`${ME}/${done}/done`, { note: '完成' }, photo);
    await expectRefused(env.kernel, TABLES, () => juweihui.request('POST', `${T}/${done}/cancel`, { reason: '取消' }), 409, 'TASK_STATE');
  });
});

describe('who sees what', () => {
  test('the board: each role inside its places, none outside; residents and roles without the board refused', async () => {
    const official = await staff('street_official');
    const atA = await post(await staff('committee_staff'), { title: '矩阵A' });
    const atC1 = await post(await staff('committee_staff'), { title: '矩阵C1', placeId: w.places.C1 });
    const atB = await post(official, { title: '矩阵B', placeId: w.places.B });
    const seen = async (login: string) => {
      const r = await (await staff(login)).request('GET', `${T}?pageSize=200&q=矩阵`);
      return r.status === 200 ? r.body.items.map((t: { title: string }) => t.title).sort() : r.body.error.code;
    };
    assert.deepEqual(await seen('street_official'), ['矩阵A', '矩阵B', '矩阵C1']);
    assert.deepEqual(await seen('platform_admin'), ['矩阵A', '矩阵B', '矩阵C1']);
    assert.deepEqual(await seen('community_secretary'), ['矩阵A', '矩阵C1']);
    assert.deepEqual(await seen('committee_staff'), ['矩阵A', '矩阵C1']);
    assert.deepEqual(await seen('grid_worker'), ['矩阵A'], 'the grid holds the compound, not the community');
    for (const login of ['building_leader', 'property_manager', 'owners_committee_member', 'assessor']) assert.equal(await seen(login), 'FORBIDDEN', login);
    assert.equal((await (await alice()).request('GET', T)).body.error.code, 'FORBIDDEN');
    const cs = await staff('committee_staff');
    assert.equal((await cs.request('GET', `${T}/${atB}`)).body.error.code, 'TASK_NOT_FOUND');
    assert.equal((await cs.request('GET', `${T}?placeId=${w.places.B}`)).body.error.code, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => cs.request('POST', `${T}/${atB}/cancel`, { reason: '越权' }), 404, 'TASK_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, async () => (await staff('platform_admin')).request('POST', T, body({ title: '管理员' })), 403, 'FORBIDDEN');
    assert.equal((await (await staff('grid_worker')).request('GET', `${T}/${atC1}`)).body.error.code, 'TASK_NOT_FOUND');
    const places = (await cs.request('GET', `${T}/places`)).body.map((p: { name: string }) => p.name);
    assert.deepEqual(places, ['一社区', '阳光花园']);
    const xlsx = await cs.request('GET', `${T}/export.xlsx?q=矩阵`);
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('任务抢单')!;
    assert.equal(sheet.getRow(1).getCell(1).value, '任务');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    assert.deepEqual(rows.map((r) => r[1]).sort(), ['矩阵A', '矩阵C1'], 'the export holds the list as filtered, in scope');
    assert.ok(rows.every((r) => r[7] === '待抢单'));
    assert.ok(atA && atC1);
  });

  test('the phone: open tasks of my compound and its community, not other compounds; my tasks; the home section while one is in progress', async () => {
    const official = await staff('street_official');
    const mineA = await post(official, { title: '手机A' });
    await post(official, { title: '手机C1', placeId: w.places.C1 });
    await post(official, { title: '手机B', placeId: w.places.B });
    const al = await alice();
    const view = (await al.request('GET', ME)).body;
    assert.equal(view.volunteer.status, 'approved');
    const titles = view.open.map((t: { title: string }) => t.title);
    assert.ok(titles.includes('手机A') && titles.includes('手机C1') && !titles.includes('手机B'), titles.join(','));
    assert.ok(view.open.every((t: { status: string }) => t.status === 'open'), 'only open ones');
    const bobView = (await (await bob()).request('GET', ME)).body.open.map((t: { title: string }) => t.title);
    assert.ok(bobView.includes('手机B') && !bobView.includes('手机A'));
    const tomView = (await (await tom()).request('GET', ME)).body;
    assert.equal(tomView.volunteer.status, 'pending');
    const homeBefore = (await (await tom()).request('GET', '/api/me/home')).body;
    assert.equal(homeBefore.volunteerTasks, undefined);
    await al.request('POST', `${ME}/${mineA}/grab`);
    const home = (await al.request('GET', '/api/me/home')).body;
    assert.ok(home.volunteerTasks.mine.some((t: { id: string; status: string }) => t.id === mineA && t.status === 'grabbed'));
  });

  test('the workbench to-do counts the done tasks the board lists under 待确认', async () => {
    const cs = await staff('committee_staff');
    const home = (await cs.request('GET', '/api/me/workbench')).body;
    const todo = home.todos.find((t: { key: string }) => t.key === 'volTasksToConfirm');
    const listed = (await cs.request('GET', `${T}?status=done`)).body.total;
    assert.equal(todo?.count ?? 0, listed);
    assert.ok(listed >= 1, 'the done task of the cancel test waits');
  });
});
