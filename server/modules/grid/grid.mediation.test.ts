import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { type Ctx, write } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { read } from './grid.db.ts';
import { casesParts, onTimeShareParts, settledShareParts } from './grid.mediation.figures.ts';
import { acceptCase } from './use-cases/mediation-accept.ts';
import { agreeCase } from './use-cases/mediation-agree.ts';
import { applyForMediation } from './use-cases/mediation-apply.ts';
import { assignMediators } from './use-cases/mediation-assign.ts';
import { getMediationCase } from './use-cases/mediation-cases-get.ts';
import { openMediationCase } from './use-cases/mediation-cases-open.ts';
import { createCommittee } from './use-cases/mediation-committee-create.ts';
import { applyConfirmation } from './use-cases/mediation-confirm-apply.ts';
import { declineCase } from './use-cases/mediation-decline.ts';
import { escalateCase } from './use-cases/mediation-escalate.ts';
import { failCase } from './use-cases/mediation-fail.ts';
import { addMediator } from './use-cases/mediation-mediator-add.ts';
import { markOverdueMediations } from './use-cases/mediation-overdue.ts';
import { recordSession } from './use-cases/mediation-session.ts';
import { uploadSigned } from './use-cases/mediation-sign.ts';

/**
 * 人民调解: transitions by role (assigned mediator, a mediator of the committee not assigned, the committee's
 * manager, a grid worker, a resident, another community's staff) with nothing written when refused; parties masked
 * to all but the assigned mediators (detail, list, PDF); the overdue job on a fixed clock; the court-confirmation
 * boundary (day 30 accepted, day 31 refused); the reading matrix; a resident's application; file access; figures.
 */
const { env, w, setUp } = useWorld();
const M = '/api/grid/mediation';
const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const sessions = new Map<string, Promise<Client>>();
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login, PASSWORD, { fileField: 'documents' }));
  return sessions.get(login)!;
};

async function actorAt(accountId: string, when: Date = env.clock.now(), personId: string | null = null): Promise<Ctx> {
  const grants = await loadGrants(env.kernel.db, accountId);
  return { kernel: { ...env.kernel, clock: { now: () => when } }, actor: { accountId, name: 'x', personId, grants, requestId: null, locale: 'zh-CN' } };
}
const who = (role: keyof typeof w.accounts, when?: Date) => actorAt(w.accounts[role], when);
const parties = [
  { name: '张建国', role: 'applicant' as const, phone: '13800000011', room: '1栋1单元101' },
  { name: '李秀英', role: 'respondent' as const, phone: '13900000022', room: '1栋1单元201' },
];
async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'ok';
}
const writes = async () => {
  const a = await env.kernel.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('action', 'like', 'grid.mediation.%').executeTakeFirstOrThrow();
  const s = await read(env.kernel).selectFrom('grid_mediation_steps').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return `${a.n}/${s.n}`;
};

/**
 * Besides the world: committees at 一社区 (C1) and the street; at C1 committee_staff is 主任 and grid_worker an
 * 调解员 (a mediator who is no manager); at the street street_official is 主任. `otherc` is committee staff at 二社区 (C2).
 */
const x = setUp('the mediation world', async () => {
  const sys: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const otherc = await write(sys, async (tx) => {
    const id = await createAccount(tx, env.kernel.pii, { username: 'otherc', displayName: '二社区干部', password: PASSWORD, passwordHash: await hashPassword(PASSWORD) });
    await grantRole(tx, id, 'committee_staff', w.places.C2);
    return id;
  });
  const street = await who('street_official');
  const c1 = (await createCommittee(street, { placeId: w.places.C1, name: '一社区人民调解委员会' })).id;
  const cs = (await createCommittee(street, { placeId: w.places.S, name: '测试街道人民调解委员会' })).id;
  const director = (await addMediator(street, c1, { accountId: w.accounts.committee_staff, name: '社区干部', title: 'director' })).id;
  const gridMediator = (await addMediator(street, c1, { accountId: w.accounts.grid_worker, name: '网格员', title: 'mediator' })).id;
  const streetDirector = (await addMediator(street, cs, { accountId: w.accounts.street_official, name: '街道干部', title: 'director' })).id;
  return { otherc, c1, cs, director, gridMediator, streetDirector };
});

const open = async (role: keyof typeof w.accounts = 'committee_staff', extra: Partial<Parameters<typeof openMediationCase>[1]> = {}, when?: Date) =>
  openMediationCase(await who(role, when), { placeId: w.places.A, source: 'other', category: 'neighbour', summary: '楼上漏水至楼下，双方就赔偿金额有争议', parties, ...extra });

test('opening: mediationOpen over the place; parties 2+; a grid event of the street becomes the source and gives the place', async () => {
  void x.c1;
  assert.equal(await code(open('building_leader')), '403 FORBIDDEN');
  assert.equal(await code(openMediationCase(await who('grid_worker'), { placeId: w.places.Z, source: 'other', category: 'other', summary: 'x', parties })), '409 MEDIATION_NO_COMMITTEE');
  assert.equal(await code(open('grid_worker', { source: 'grid_event', sourceRef: crypto.randomUUID() })), '400 MEDIATION_SOURCE_NOT_FOUND');
  // A grid event of the street: its compound becomes the case's place, its text the source title.
  const ev = await (await as('grid_worker')).request('POST', '/api/grid/events', { placeId: w.places.A, category: 'neighbour_dispute', description: '楼道堆物引发邻里争吵', urgency: 'normal' });
  assert.equal(ev.status, 201, JSON.stringify(ev.body));
  const fromEvent = await openMediationCase(await who('committee_staff'), { placeId: w.places.C1, source: 'grid_event', sourceRef: ev.body.id, category: 'neighbour', summary: '楼道堆物纠纷', parties });
  const fe = await getMediationCase(await who('committee_staff'), fromEvent.id);
  assert.equal(fe.placeId, w.places.A);
  assert.match(fe.sourceTitle, /楼道堆物引发邻里争吵/);
  const made = await open('grid_worker', { mediatorIds: [x.director] });
  const kase = await getMediationCase(await who('committee_staff'), made.id);
  assert.equal(kase.status, 'applied');
  assert.deepEqual(kase.mediators.map((m) => m.id), [x.director]);
  assert.equal(kase.committeeId, x.c1);
  // The opener who is a mediator of the committee is assigned when nobody is picked.
  const own = await open('committee_staff');
  assert.deepEqual((await getMediationCase(await who('committee_staff'), own.id)).mediators.map((m) => m.id), [x.director]);
  const s = await as('committee_staff');
  const one = await s.request('POST', `${M}/cases`, { placeId: w.places.A, source: 'other', category: 'parking', summary: 'x', parties: parties.slice(0, 1) });
  assert.equal(one.status, 400, 'one party is not a dispute');
});

test('transitions by role: who before state, nothing written when refused', async () => {
  const { id } = await open('committee_staff'); // assigned: committee_staff (主任)
  const before = await writes();
  // accept: a grid worker who is a mediator of the committee but not assigned (and no manager) is refused; another community's staff cannot see it; nor a resident.
  assert.equal(await code(acceptCase(await who('grid_worker'), id)), '403 MEDIATION_NOT_ALLOWED');
  assert.equal(await code(acceptCase(await actorAt(x.otherc), id)), '404 MEDIATION_CASE_NOT_FOUND');
  assert.equal(await code(acceptCase(await who('resident'), id)), '404 MEDIATION_CASE_NOT_FOUND');
  assert.equal(await code(acceptCase(await who('property_manager'), id)), '404 MEDIATION_CASE_NOT_FOUND');
  // sessions and agreements before acceptance are the wrong state (409) for the assigned mediator.
  assert.equal(await code(recordSession(await who('committee_staff'), id, { notes: '先谈' })), '409 MEDIATION_WRONG_STATUS');
  assert.equal(await writes(), before, 'refusals write nothing');
  // The manager (community secretary, not assigned) accepts.
  assert.equal((await acceptCase(await who('community_secretary'), id)).status, 'accepted');
  assert.equal(await code(acceptCase(await who('committee_staff'), id)), '409 MEDIATION_WRONG_STATUS');
  const mid = await writes();
  // Sessions are the assigned mediators' alone: not the manager's, not an unassigned mediator's.
  assert.equal(await code(recordSession(await who('community_secretary'), id, { notes: '记录' })), '403 MEDIATION_NOT_ALLOWED');
  assert.equal(await code(recordSession(await who('grid_worker'), id, { notes: '记录' })), '403 MEDIATION_NOT_ALLOWED');
  assert.equal(await code(recordSession(await who('street_official'), id, { notes: '记录' })), '403 MEDIATION_NOT_ALLOWED');
  assert.equal(await writes(), mid);
  assert.equal((await recordSession(await who('committee_staff'), id, { notes: '双方到场陈述，约定三日后再谈', location: '社区调解室' })).status, 'in_session');
  assert.equal(await code(agreeCase(await who('community_secretary'), id, { terms: '赔偿 800 元' })), '403 MEDIATION_NOT_ALLOWED');
  assert.equal((await agreeCase(await who('committee_staff'), id, { terms: '楼上住户于 7 日内赔偿 800 元并修复防水层' })).status, 'agreed');
  assert.equal(await code(failCase(await who('committee_staff'), id, { referral: 'court', note: 'x' })), '409 MEDIATION_WRONG_STATUS');
  assert.equal(await code(escalateCase(await who('committee_staff'), id, {})), '409 MEDIATION_WRONG_STATUS');
  const view = await getMediationCase(await who('committee_staff'), id);
  assert.deepEqual(view.steps.map((s) => s.step), ['opened', 'accepted', 'session', 'agreed']);
  assert.ok(view.actions.includes('pdf') && view.actions.includes('sign'));
  assert.ok(!(await getMediationCase(await who('community_secretary'), id)).actions.includes('pdf'), 'managers do not print the agreement');

  // decline and fail: the manager may; a grid worker (unassigned) may not.
  const d = await open('committee_staff');
  assert.equal(await code(declineCase(await who('grid_worker'), d.id, { reason: 'x' })), '403 MEDIATION_NOT_ALLOWED');
  assert.equal((await declineCase(await who('community_secretary'), d.id, { reason: '已进入诉讼程序，不属调解受理范围' })).status, 'declined');
  const f = await open('committee_staff');
  await acceptCase(await who('committee_staff'), f.id);
  assert.equal(await code(failCase(await who('grid_worker'), f.id, { referral: 'court', note: 'x' })), '403 MEDIATION_NOT_ALLOWED');
  assert.equal((await failCase(await who('committee_staff'), f.id, { referral: 'court', note: '双方分歧较大，引导诉讼' })).status, 'failed');
});

test('escalation: the street committee takes the case; the community no longer manages it; the street assigns its mediators', async () => {
  const { id } = await open('committee_staff');
  await acceptCase(await who('committee_staff'), id);
  assert.equal(await code(escalateCase(await who('grid_worker'), id, {})), '403 MEDIATION_NOT_ALLOWED');
  assert.equal((await escalateCase(await who('committee_staff'), id, { note: '涉及多户，提请街道' })).level, 'street');
  const v = await getMediationCase(await who('street_official'), id);
  assert.equal(v.committeeId, x.cs);
  assert.deepEqual(v.mediators, [], 'the community’s mediators leave the case');
  assert.equal(await code(escalateCase(await who('street_official'), id, {})), '409 MEDIATION_WRONG_STATUS'.replace('WRONG_STATUS', 'ALREADY_STREET'));
  assert.equal(await code(assignMediators(await who('community_secretary'), id, { mediatorIds: [x.director] })), '403 MEDIATION_NOT_ALLOWED', 'the community manages it no more');
  assert.equal(await code(assignMediators(await who('street_official'), id, { mediatorIds: [x.director] })), '400 MEDIATOR_NOT_OF_COMMITTEE');
  await assignMediators(await who('street_official'), id, { mediatorIds: [x.streetDirector] });
  assert.equal((await recordSession(await who('street_official'), id, { notes: '街道组织联合调解' })).status, 'in_session');
  assert.equal(await code(recordSession(await who('committee_staff'), id, { notes: 'x' })), '403 MEDIATION_NOT_ALLOWED');
});

test('parties are masked to all but the assigned mediators: detail, list and export; the PDF is theirs alone', async () => {
  const { id } = await open('committee_staff', { summary: 'MASK 楼上漏水（本测试专用）' });
  const full = await getMediationCase(await who('committee_staff'), id);
  assert.equal(full.partiesInFull, true);
  assert.deepEqual(full.parties.map((p) => [p.name, p.phone]), [['张建国', '13800000011'], ['李秀英', '13900000022']]);
  for (const role of ['community_secretary', 'street_official', 'grid_worker', 'platform_admin'] as const) {
    const masked = await getMediationCase(await who(role), id);
    assert.equal(masked.partiesInFull, false, role);
    assert.deepEqual(masked.parties.map((p) => [p.name, p.phone, p.room]), [['张**', '138****0011', ''], ['李**', '139****0022', '']], role);
  }
  const mine = (await (await as('committee_staff')).request('GET', `${M}/cases?q=${encodeURIComponent('MASK')}&pageSize=100`)).body.items.find((r: { id: string }) => r.id === id);
  assert.equal(mine.parties[0].name, '张建国');
  const theirs = (await (await as('street_official')).request('GET', `${M}/cases?pageSize=100`)).body.items.find((r: { id: string }) => r.id === id);
  assert.equal(theirs.parties[0].name, '张**');
  assert.equal(theirs.parties[0].phone, '138****0011');
  for (const [login, name] of [['street_official', '张**'], ['committee_staff', '张建国']] as const) {
    const xlsx = await (await as(login)).request('GET', `${M}/cases/export.xlsx?q=${encodeURIComponent('MASK')}`);
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getColumn(7).values.map(String);
    assert.ok(cells.some((c) => c.startsWith(name)), `${login} sees ${name} in the export: ${cells.slice(0, 3).join(' / ')}`);
    if (name === '张**') assert.ok(!cells.some((c) => c.includes('张建国') || c.includes('13800000011')));
  }

  await acceptCase(await who('committee_staff'), id);
  await recordSession(await who('committee_staff'), id, { notes: '调解' });
  await agreeCase(await who('committee_staff'), id, { terms: '赔偿 500 元' });
  // A reader who does not act on the case sees that there were sessions and an agreement, not what was said.
  const reader = await getMediationCase(await who('grid_worker'), id);
  assert.equal(reader.agreementTerms, null);
  assert.deepEqual(reader.sessions.map((x) => x.notes), ['']);
  assert.equal((await getMediationCase(await who('committee_staff'), id)).agreementTerms, '赔偿 500 元');
  const pdf = await (await as('committee_staff')).request('GET', `${M}/cases/${id}/agreement.pdf`);
  assert.equal(pdf.status, 200, JSON.stringify(pdf.body));
  assert.equal(pdf.raw.subarray(0, 4).toString(), '%PDF');
  for (const login of ['street_official', 'community_secretary']) {
    const refused = await (await as(login)).request('GET', `${M}/cases/${id}/agreement.pdf`);
    assert.equal(refused.status, 403, login);
    assert.equal(refused.body.error.code, 'MEDIATION_AGREEMENT_FOR_MEDIATORS');
  }
  assert.equal((await (await as('building_leader')).request('GET', `${M}/cases/${id}/agreement.pdf`)).status, 404);
});

test('court confirmation: signing day + 30 is the last day (day 30 accepted, day 31 refused); the signed scan is for mediators and managers', async () => {
  const t0 = env.clock.now();
  const { id } = await open('committee_staff', {}, t0);
  await acceptCase(await who('committee_staff', t0), id);
  await recordSession(await who('committee_staff', t0), id, { notes: '调解' });
  await agreeCase(await who('committee_staff', t0), id, { terms: '停车位按月轮换' });
  const signedOn = chinaDay(t0);
  const later = new Date(t0.getTime() + 40 * DAY);
  assert.equal(await code(applyConfirmation(await who('committee_staff', later), id, { court: '区人民法院', appliedOn: signedOn })), '409 MEDIATION_NOT_SIGNED');
  const signed = await uploadSigned(await who('committee_staff', t0), id, { signedOn }, [{ filename: 'signed.pdf', content: PDF }]);
  assert.equal(signed.files.length, 1);
  const day = (n: number) => chinaDay(new Date(t0.getTime() + n * DAY));
  const before = await writes();
  assert.equal(await code(applyConfirmation(await who('committee_staff', later), id, { court: '区人民法院', appliedOn: day(31) })), '409 CONFIRMATION_TOO_LATE');
  assert.equal(await writes(), before);
  assert.equal((await applyConfirmation(await who('committee_staff', later), id, { court: '区人民法院', appliedOn: day(30) })).appliedOn, day(30));
  assert.equal(await code(applyConfirmation(await who('committee_staff', later), id, { court: '区人民法院', appliedOn: day(30) })), '409 CONFIRMATION_DECIDED');

  // The signed scan: the assigned mediator and the manager open it; a grid worker reading the case does not.
  const url = `/api/grid/files/${signed.files[0]}`;
  assert.equal((await (await as('committee_staff')).request('GET', url)).status, 200);
  assert.equal((await (await as('community_secretary')).request('GET', url)).status, 200);
  assert.notEqual((await (await as('grid_worker')).request('GET', url)).status, 200);
  assert.notEqual((await (await as('building_leader')).request('GET', url)).status, 200);
});

test('reading: each role inside and outside its place', async () => {
  const { id } = await open('committee_staff');
  for (const login of ['street_official', 'community_secretary', 'committee_staff', 'grid_worker', 'platform_admin']) {
    const s = await as(login);
    assert.equal((await s.request('GET', `${M}/cases/${id}`)).status, 200, login);
    assert.ok((await s.request('GET', `${M}/cases?pageSize=100`)).body.items.some((r: { id: string }) => r.id === id), login);
  }
  for (const login of ['building_leader', 'property_manager', 'property_staff', 'department_reviewer', 'owners_committee_member']) {
    const s = await as(login);
    assert.equal((await s.request('GET', `${M}/cases`)).status, 403, login);
    assert.equal((await s.request('GET', `${M}/cases/${id}`)).status, 404, login);
  }
  const other = await as('otherc');
  assert.equal((await other.request('GET', `${M}/cases/${id}`)).status, 404, 'another community’s staff');
  assert.ok(!(await other.request('GET', `${M}/cases?pageSize=100`)).body.items.some((r: { id: string }) => r.id === id));
  assert.equal((await (await as('13800000001')).request('GET', `${M}/cases`)).status, 403);
  assert.equal((await (await as('13800000001')).request('GET', `${M}/cases/${id}`)).status, 404);
});

test('a resident applies at their own compound (the first party, from the registry) and follows only their own cases', async () => {
  const r = await as('13800000001');
  const mine = await r.request('GET', '/api/me/grid/mediation');
  assert.deepEqual(mine.body.compounds.map((c: { id: string }) => c.id), [w.places.A]);
  const bad = await r.request('POST', '/api/me/grid/mediation', { compoundId: w.places.B, category: 'parking', summary: '车位被占', respondentName: '某某' });
  assert.equal(bad.status, 403);
  const made = await r.request('POST', '/api/me/grid/mediation', { compoundId: w.places.A, category: 'parking', summary: '车位长期被邻居占用', respondentName: '陈涛', respondentRoom: '1栋102' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const v = await getMediationCase(await who('committee_staff'), made.body.id);
  assert.equal(v.source, 'resident');
  assert.equal(v.parties[0].name, '王*', 'masked to the unassigned');
  await assignMediators(await who('community_secretary'), made.body.id, { mediatorIds: [x.director] });
  const full = await getMediationCase(await who('committee_staff'), made.body.id);
  assert.equal(full.parties[0].name, '王丽');
  assert.equal(full.parties[0].role, 'applicant');
  await acceptCase(await who('committee_staff'), made.body.id);
  await recordSession(await who('committee_staff'), made.body.id, { notes: '邻居同意让出车位（私下内容）' });
  const after = await r.request('GET', '/api/me/grid/mediation');
  const card = after.body.cases.find((c: { id: string }) => c.id === made.body.id);
  assert.equal(card.status, 'in_session');
  assert.equal(card.sessionDays.length, 1);
  assert.ok(!JSON.stringify(after.body).includes('私下内容'), 'no session notes on the H5');
  // Another resident's application does not show.
  const others = await open('committee_staff');
  assert.ok(!after.body.cases.some((c: { id: string }) => c.id === others.id));
});

test('the overdue job marks exactly the cases past due, once each', async () => {
  const t0 = new Date(env.clock.now().getTime() + 1000 * DAY);
  const t1 = new Date(t0.getTime() + 1);
  const a = await open('committee_staff', { summary: 'OVERDUE just past due' }, t0);
  const b = await open('committee_staff', { summary: 'OVERDUE exactly at due' }, t0);
  const c = await open('committee_staff', { summary: 'OVERDUE agreed before due' }, t0);
  const d = await open('committee_staff', { summary: 'OVERDUE marked before' }, t0);
  await acceptCase(await who('committee_staff', t0), a.id);
  await acceptCase(await who('committee_staff', t1), b.id);
  await acceptCase(await who('committee_staff', t0), c.id);
  await recordSession(await who('committee_staff', t0), c.id, { notes: '调解' });
  await agreeCase(await who('committee_staff', t0), c.id, { terms: '和解' });
  const earlier = new Date(t0.getTime() - DAY);
  await acceptCase(await who('committee_staff', earlier), d.id);
  const at = (ms: number) => ({ ...env.kernel, clock: { now: () => new Date(ms) } });
  // The other tests' open cases were due long before: a first run marks them, out of this count.
  await markOverdueMediations(at(t0.getTime() - 2 * DAY));
  // d (accepted a day earlier) is marked by an earlier run, one ms past its due time (before the others are due).
  const dMarked = earlier.getTime() + 30 * DAY + 1;
  assert.equal((await markOverdueMediations(at(dMarked))).marked, 1);
  const f = t0.getTime() + 30 * DAY + 1; // a: one ms past due; b (accepted 1 ms after a): exactly at its due time
  const run = await markOverdueMediations(at(f));
  const rows = new Map((await read(env.kernel).selectFrom('grid_mediation_cases').select(['id', 'overdue_at']).where('id', 'in', [a.id, b.id, c.id, d.id]).execute()).map((r) => [r.id, r.overdue_at]));
  assert.equal(rows.get(a.id)?.getTime(), f, 'a: just past due');
  assert.equal(rows.get(b.id), null, 'b: exactly at due, not yet');
  assert.equal(rows.get(c.id), null, 'c: agreed before due');
  assert.equal(rows.get(d.id)?.getTime(), dMarked, 'd: kept its first mark');
  assert.equal(run.marked, 1, 'only a');
  assert.equal((await markOverdueMediations(at(f))).marked, 0, 'a second run marks nobody again');
  const steps = await read(env.kernel).selectFrom('grid_mediation_steps').select('case_id').where('step', '=', 'overdue').where('case_id', 'in', [a.id, b.id, c.id, d.id]).execute();
  assert.deepEqual(steps.map((s) => s.case_id).sort(), [a.id, d.id].sort());
  const told = await env.kernel.db
    .selectFrom('notify_messages as m')
    .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
    .select(['m.account_id'])
    .where('b.template', '=', 'grid.mediation.overdue')
    .where('b.subject_id', '=', a.id)
    .execute();
  const accounts = told.map((t) => t.account_id);
  assert.ok(accounts.includes(w.accounts.street_official), 'street officials told');
  assert.ok(accounts.includes(w.accounts.committee_staff) && accounts.includes(w.accounts.grid_worker), 'the committee’s mediators told');
});

test('figures: cases opened, settled share and on-time share against a hand count', async () => {
  // A window far ahead, holding only this test's cases: 3 opened; closed: one agreed on time, one agreed late, one failed on time.
  const t0 = new Date(env.clock.now().getTime() + 2000 * DAY);
  const cs = (ms: number) => who('committee_staff', new Date(t0.getTime() + ms));
  const make = async () => (await openMediationCase(await cs(0), { placeId: w.places.A, source: 'other', category: 'other', summary: 'FIG', parties })).id;
  const [p, q, r] = [await make(), await make(), await make()];
  for (const id of [p, q, r]) await acceptCase(await cs(DAY), id);
  for (const id of [p, q]) await recordSession(await cs(2 * DAY), id, { notes: '调解' });
  await agreeCase(await cs(31 * DAY), p, { terms: '和解' }); // due = accepted + 30 d = t0 + 31 d exactly: on time
  await agreeCase(await cs(31 * DAY + 1), q, { terms: '和解' }); // one ms late
  await failCase(await cs(5 * DAY), r, { referral: 'arbitration', note: '申请仲裁' });
  const at = { streetId: w.places.S, from: t0, to: new Date(t0.getTime() + 60 * DAY), placeKinds: ['street', 'community'] as const };
  const of = (parts: { placeId: string; numerator: number; denominator: number | null }[], place: string) => parts.find((x) => x.placeId === place);
  assert.deepEqual(of(await casesParts(env.kernel.db, at), w.places.C1), { placeId: w.places.C1, numerator: 3, denominator: null });
  assert.deepEqual(of(await settledShareParts(env.kernel.db, at), w.places.S), { placeId: w.places.S, numerator: 2, denominator: 3 });
  assert.deepEqual(of(await onTimeShareParts(env.kernel.db, at), w.places.C1), { placeId: w.places.C1, numerator: 2, denominator: 3 });
  assert.equal(of(await casesParts(env.kernel.db, at), w.places.C2), undefined, 'no cases at 二社区');
});
