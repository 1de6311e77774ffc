import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { loadGrants } from '../../kernel/auth/sessions.ts';
import { type Ctx, write } from '../../kernel/context.ts';
import { parsePeriod, payoutKind } from '../../kernel/payouts/payouts.ts';
import { withIdChecksum } from '../../kernel/pii/pii.ts';
import { type Client, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { createOrganisation, createPlace } from '../registry/index.ts';
import { onTimeShareParts } from './grid.agency.figures.ts';
import { agencyCasePay } from './grid.agency.payouts.ts';
import { read } from './grid.db.ts';
import { handOver } from './use-cases/agency-cases-handover.ts';
import { openCase } from './use-cases/agency-cases-open.ts';
import { recordResult } from './use-cases/agency-cases-result.ts';
import { sendCase } from './use-cases/agency-cases-send.ts';
import { withdrawCase } from './use-cases/agency-cases-withdraw.ts';
import { purgeAgencyDocuments } from './use-cases/agency-retention.ts';

/**
 * 政务服务代办点: the access matrix (property staff only at their own company's points in their compounds, another
 * company's staff refused, overseers read, others refused), every transition by role and status, a resident's own
 * cases only, documents shown to the point's staff and the street (each view audited) and labels to the resident, the
 * retention of documents on a fixed clock, and the per-case pay and on-time share against hand counts.
 */
const { env, w, setUp } = useWorld();
const A = '/api/grid/agency';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const ID = withIdChecksum('33010619500101123');
const sessions = new Map<string, Promise<Client>>();
/** One session per login for the file (signing in again and again would meet the sign-in rate limit). */
const as = (login: string) => {
  if (!sessions.has(login)) sessions.set(login, signInClient(env.app, login, PASSWORD, { fileField: 'documents' }));
  return sessions.get(login)!;
};
/** A PNG of its own: stored files are kept by content, so a shared one would outlive its case. */
const uniquePng = () => Buffer.concat([PNG, Buffer.from(crypto.randomUUID())]);
const DAY = 86_400_000;

/** A moment's ctx of an account: its grants, the clock fixed at `when`. */
async function actorAt(accountId: string, name: string, when: Date, personId: string | null = null): Promise<Ctx> {
  const grants = await loadGrants(env.kernel.db, accountId);
  return { kernel: { ...env.kernel, clock: { now: () => when } }, actor: { accountId, name, personId, grants, requestId: null, locale: 'zh-CN' } };
}

/**
 * Besides the world: a second compound 绿洲苑 in grid G1, served by another company (绿洲物业) with its own staff
 * (`otherstaff`); two services; point PA at 阳光花园 (安和物业) and PX at 绿洲苑 (绿洲物业).
 */
const x = setUp('the agency world', async () => {
  const sys: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const pc2 = (await createOrganisation(sys, { placeId: w.places.S, kind: 'property_company', name: '绿洲物业' })).id;
  const oasis = (await createPlace(sys, { parentId: w.places.G1, kind: 'compound', name: '绿洲苑', compound: { managementMode: 'professional', propertyCompanyId: pc2 } })).id;
  const otherstaff = await write(sys, async (tx) => {
    const id = await createAccount(tx, env.kernel.pii, { username: 'otherstaff', displayName: '绿洲客服', password: PASSWORD, passwordHash: await hashPassword(PASSWORD) });
    await grantRole(tx, id, 'property_staff', oasis);
    return id;
  });
  const official = await as('street_official');
  const s1 = await official.request('POST', `${A}/services`, { name: '老年人优待证办理', documents: ['身份证复印件', '一寸免冠照片'], timeLimitDays: 10, payFen: 1500 });
  assert.equal(s1.status, 201, JSON.stringify(s1.body));
  const s2 = await official.request('POST', `${A}/services`, { name: '高龄津贴申领', documents: ['身份证复印件'], timeLimitDays: 15, payFen: 2000 });
  const PA = await official.request('POST', `${A}/points`, { compoundId: w.places.A, companyId: w.organisations.pc1, name: '阳光花园代办点', serviceIds: [s1.body.id, s2.body.id] });
  assert.equal(PA.status, 201, JSON.stringify(PA.body));
  const PX = await official.request('POST', `${A}/points`, { compoundId: oasis, companyId: pc2, name: '绿洲苑代办点', serviceIds: [s1.body.id] });
  assert.equal(PX.status, 201, JSON.stringify(PX.body));
  return { pc2, oasis, otherstaff, s1: s1.body.id as string, s2: s2.body.id as string, PA: PA.body.id as string, PX: PX.body.id as string };
});

const open = (s: Client, pointId: string, serviceId: string, personId: string, files = [{ filename: 'id.png', type: 'image/png', content: PNG }]) =>
  s.upload(`${A}/cases`, { pointId, serviceId, personId, idNumber: ID, labels: '身份证复印件' }, files);

test('the street sets up points only with the company serving the compound; only the street manages services and points', async () => {
  const official = await as('street_official');
  const wrong = await official.request('POST', `${A}/points`, { compoundId: w.places.A, companyId: x.pc2, name: '错配代办点' });
  assert.equal(wrong.status, 409);
  assert.equal(wrong.body.error.code, 'AGENCY_POINT_COMPANY_MISMATCH');
  for (const login of ['community_secretary', 'property_manager', 'property_staff']) {
    const s = await as(login);
    assert.equal((await s.request('POST', `${A}/services`, { name: `${login}的事项`, timeLimitDays: 5, payFen: 100 })).status, 403, login);
    assert.equal((await s.request('GET', `${A}/services`)).status, 200, `${login} reads the services`);
  }
  assert.equal((await as('property_staff').then((s) => s.request('POST', `${A}/points`, { compoundId: w.places.A, companyId: w.organisations.pc1, name: '自建' }))).status, 404);
  const dup = await official.request('POST', `${A}/services`, { name: '老年人优待证办理', timeLimitDays: 5, payFen: 100 });
  assert.equal(dup.body.error.code, 'AGENCY_SERVICE_NAME_TAKEN');
});

test('the access matrix: property staff only at their own company’s points, overseers read, others refused', async () => {
  const staff = await as('property_staff');
  const manager = await as('property_manager');
  const other = await as('otherstaff');
  // Lists: each company's staff see their own point only; overseers see both; others nothing.
  const pointsOf = async (s: Client) => ((await s.request('GET', `${A}/points`)).body.items as { id: string }[]).map((p) => p.id).sort();
  assert.deepEqual(await pointsOf(staff), [x.PA]);
  assert.deepEqual(await pointsOf(manager), [x.PA]);
  assert.deepEqual(await pointsOf(other), [x.PX]);
  for (const login of ['street_official', 'platform_admin', 'community_secretary', 'committee_staff']) assert.deepEqual(await pointsOf(await as(login)), [x.PA, x.PX].sort(), login);
  for (const login of ['grid_worker', 'building_leader', 'owners_committee_member', 'department_reviewer', 'assessor']) {
    const s = await as(login);
    assert.equal((await s.request('GET', `${A}/points`)).status, 403, login);
    assert.equal((await s.request('GET', `${A}/cases`)).status, 403, login);
    assert.equal((await s.request('GET', `${A}/cases/export.xlsx`)).status, 403, login);
  }

  // Opening: the point's staff (either role) may; another company's staff are refused without learning of the point.
  const opened = await open(staff, x.PA, x.s1, w.persons.alice);
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  assert.equal((await open(manager, x.PA, x.s1, w.persons.tom)).status, 201);
  const refused = await open(other, x.PA, x.s1, w.persons.alice);
  assert.equal(refused.status, 404);
  assert.equal(refused.body.error.code, 'AGENCY_POINT_NOT_FOUND');
  assert.equal((await open(staff, x.PX, x.s1, w.persons.alice)).body.error.code, 'AGENCY_POINT_NOT_FOUND', 'not the other company’s point');
  // Overseers read but do not handle.
  const street = await open(await as('street_official'), x.PA, x.s1, w.persons.alice);
  assert.equal(street.status, 403);
  assert.equal(street.body.error.code, 'AGENCY_NOT_POINT_STAFF');
  // The applicant must live in the point's compound; a service the point does not accept is refused.
  assert.equal((await open(staff, x.PA, x.s1, w.persons.bob)).body.error.code, 'AGENCY_APPLICANT_NOT_RESIDENT');
  assert.equal((await open(other, x.PX, x.s2, w.persons.alice)).body.error.code, 'AGENCY_SERVICE_NOT_OFFERED');

  const id = opened.body.id as string;
  assert.equal((await staff.request('GET', `${A}/cases/${id}`)).status, 200);
  assert.equal((await other.request('GET', `${A}/cases/${id}`)).status, 404, 'another company’s staff');
  assert.equal((await (await as('community_secretary')).request('GET', `${A}/cases/${id}`)).status, 200);
  assert.equal((await other.request('POST', `${A}/cases/${id}/send`, { note: '' })).status, 404);
  const listed = (await other.request('GET', `${A}/cases`)).body;
  assert.equal(listed.items.length, 0, 'no case of another company’s point');
  const all = (await (await as('street_official')).request('GET', `${A}/cases?pointId=${x.PA}`)).body;
  assert.ok(all.items.some((c: { id: string }) => c.id === id));
  assert.match(all.items.find((c: { id: string }) => c.id === id).applicantName, /^王\*/, 'overseers see applicants masked in lists');
});

test('every transition by the point’s staff only, from its own statuses; the applicant is told at each step', async () => {
  const staff = await as('property_staff');
  const official = await as('street_official');
  const id = (await open(staff, x.PA, x.s2, w.persons.alice)).body.id as string;
  const detail = (await staff.request('GET', `${A}/cases/${id}`)).body;
  assert.equal(detail.status, 'accepted');
  assert.equal(detail.idNumberMasked, `${ID.slice(0, 4)}**********${ID.slice(-4)}`);
  assert.ok(!JSON.stringify(detail).includes(ID), 'the ID number only masked');
  assert.deepEqual(detail.actions, ['send', 'withdraw']);
  assert.deepEqual((await official.request('GET', `${A}/cases/${id}`)).body.actions, []);

  const wrong = await staff.request('POST', `${A}/cases/${id}/handover`, { how: 'in_person' });
  assert.equal(wrong.status, 409);
  assert.equal(wrong.body.error.code, 'AGENCY_CASE_WRONG_STATUS');
  for (const s of [official, await as('community_secretary')]) assert.equal((await s.request('POST', `${A}/cases/${id}/send`, { note: '' })).status, 403);
  assert.equal((await staff.request('POST', `${A}/cases/${id}/send`, { note: '已转报区民政局' })).status, 200);
  assert.equal((await staff.request('POST', `${A}/cases/${id}/send`, { note: '' })).status, 409, 'sent once');
  assert.equal((await staff.request('POST', `${A}/cases/${id}/result`, { outcome: 'refused' })).status, 400, 'a refusal needs its reason');
  assert.equal((await staff.request('POST', `${A}/cases/${id}/result`, { outcome: 'success' })).status, 200);
  const done = await staff.request('POST', `${A}/cases/${id}/handover`, { how: 'delivered' });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  assert.equal(done.body.status, 'completed');
  assert.equal(done.body.onTime, true);
  assert.equal(done.body.payFen, 2000);
  assert.equal((await staff.request('POST', `${A}/cases/${id}/withdraw`, { reason: '晚了' })).status, 409, 'a completed case is not withdrawn');
  const after = (await staff.request('GET', `${A}/cases/${id}`)).body;
  assert.deepEqual(after.steps.map((s: { step: string }) => s.step), ['accepted', 'sent', 'result', 'completed']);

  const told = await env.kernel.db
    .selectFrom('notify_messages as m')
    .innerJoin('notify_batches as b', 'b.id', 'm.batch_id')
    .select('b.template')
    .where('m.account_id', '=', w.accounts.resident)
    .where('b.subject_id', '=', id)
    .where('m.channel', '=', 'inbox')
    .orderBy('b.created_at')
    .execute();
  assert.deepEqual(told.map((t) => t.template), ['grid.agency.accepted', 'grid.agency.sent', 'grid.agency.result', 'grid.agency.completed']);
  const audit = await env.kernel.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('at').execute();
  assert.deepEqual(audit.map((a) => a.action), ['grid.agency.case_opened', 'grid.agency.case_sent', 'grid.agency.case_result', 'grid.agency.case_completed']);

  const w2 = (await open(staff, x.PA, x.s1, w.persons.tom)).body.id as string;
  assert.equal((await staff.request('POST', `${A}/cases/${w2}/withdraw`, { reason: '办事人自行办理' })).status, 200);
  assert.equal((await staff.request('POST', `${A}/cases/${w2}/send`, { note: '' })).status, 409);
});

test('a resident sees only their own cases, with labels but not the documents; staff and the street open documents, audited', async () => {
  const staff = await as('property_staff');
  const mine = (await open(staff, x.PA, x.s1, w.persons.alice)).body.id as string;
  const toms = (await open(staff, x.PA, x.s1, w.persons.tom)).body.id as string;
  const alice = await as('13800000001');
  const h5 = (await alice.request('GET', '/api/me/grid/agency')).body;
  assert.ok(h5.cases.some((c: { id: string }) => c.id === mine));
  assert.ok(!h5.cases.some((c: { id: string }) => c.id === toms), 'not a neighbour’s case');
  assert.deepEqual(h5.points.map((p: { id: string }) => p.id), [x.PA], 'the points of her compound');
  const view = await alice.request('GET', `/api/me/grid/agency/cases/${mine}`);
  assert.equal(view.status, 200);
  assert.deepEqual(view.body.documents, [{ label: '身份证复印件', purged: false }]);
  assert.equal((await alice.request('GET', `/api/me/grid/agency/cases/${toms}`)).status, 404);
  assert.equal((await alice.request('GET', `${A}/cases`)).status, 403);
  assert.equal((await alice.request('GET', `${A}/cases/${mine}`)).status, 404);

  const file = (await staff.request('GET', `${A}/cases/${mine}`)).body.documents[0];
  assert.equal(file.label, '身份证复印件');
  assert.equal(file.url, `/api/grid/files/${file.id}`);
  assert.equal((await alice.request('GET', file.url)).status, 404, 'the applicant sees the label, not the content');
  const secretary = await as('community_secretary');
  assert.equal((await secretary.request('GET', `${A}/cases/${mine}`)).body.documents[0].url, null);
  assert.equal((await secretary.request('GET', file.url)).status, 404, 'the community reads the case, not its documents');
  assert.equal((await (await as('otherstaff')).request('GET', file.url)).status, 404);
  const before = await env.kernel.db.selectFrom('audit_log').select('id').where('action', '=', 'grid.agency.document_viewed').where('subject_id', '=', mine).execute();
  const got = await staff.request('GET', file.url);
  assert.equal(got.status, 200);
  assert.deepEqual(got.raw, PNG);
  assert.equal((await (await as('street_official')).request('GET', file.url)).status, 200);
  const viewed = await env.kernel.db.selectFrom('audit_log').select(['id']).where('action', '=', 'grid.agency.document_viewed').where('subject_id', '=', mine).execute();
  assert.equal(viewed.length, before.length + 2, 'each view audited');
});

test('bookings: a resident books at a point of their compound only; its staff answer once; the resident is told', async () => {
  const alice = await as('13800000001');
  const today = new Date(env.kernel.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const day = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * DAY).toISOString().slice(0, 10);
  const booked = await alice.request('POST', '/api/me/grid/agency/bookings', { pointId: x.PA, kind: 'home', day, slot: 'am', note: '老人行动不便' });
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  assert.equal((await alice.request('POST', '/api/me/grid/agency/bookings', { pointId: x.PX, kind: 'point', day, slot: 'am' })).status, 404, 'not her compound');
  assert.equal((await alice.request('POST', '/api/me/grid/agency/bookings', { pointId: x.PA, kind: 'point', day: '2020-01-01', slot: 'am' })).body.error.code, 'AGENCY_BOOKING_DAY_INVALID');
  assert.equal((await (await as('otherstaff')).request('POST', `${A}/bookings/${booked.body.id}/confirm`)).status, 404);
  assert.equal((await (await as('street_official')).request('POST', `${A}/bookings/${booked.body.id}/confirm`)).status, 403);
  const seen = (await (await as('street_official')).request('GET', `${A}/bookings`)).body.items.find((b: { id: string }) => b.id === booked.body.id);
  assert.match(seen.personName, /^王\*/, 'overseers see who booked masked');
  assert.equal(seen.canDecide, false);
  const staffSees = (await (await as('property_staff')).request('GET', `${A}/bookings?status=requested`)).body.items.find((b: { id: string }) => b.id === booked.body.id);
  assert.equal(staffSees.personName, '王丽');
  assert.equal(staffSees.canDecide, true);
  const staff = await as('property_staff');
  assert.equal((await staff.request('POST', `${A}/bookings/${booked.body.id}/decline`, { reason: '当天人手不足，请改约' })).status, 200);
  assert.equal((await staff.request('POST', `${A}/bookings/${booked.body.id}/confirm`)).body.error.code, 'AGENCY_BOOKING_DECIDED');
  const mine = (await alice.request('GET', '/api/me/grid/agency')).body.bookings;
  assert.equal(mine.find((b: { id: string }) => b.id === booked.body.id).status, 'declined');
  const told = await env.kernel.db.selectFrom('notify_batches').select('template').where('subject_id', '=', booked.body.id).execute();
  assert.deepEqual(told.map((t) => t.template), ['grid.agency.booking_declined']);
});

test('documents are deleted at the retention, not a day before: labels kept, one audit entry, the file gone', async () => {
  const staffId = (await env.kernel.db.selectFrom('accounts').select('id').where('username', '=', 'property_staff').executeTakeFirstOrThrow()).id;
  const officialCtx = await actorAt(w.accounts.street_official, 'street', env.kernel.clock.now());
  const { saveAgencySettings } = await import('./use-cases/agency-settings.ts');
  await saveAgencySettings(officialCtx, { documentRetentionDays: 10 });
  const t0 = new Date('2027-01-05T10:00:00+08:00');
  const s = (d: number) => actorAt(staffId, '客服', new Date(t0.getTime() + d));
  const { id } = await openCase(await s(0), { pointId: x.PA, serviceId: x.s1, personId: w.persons.alice, note: '', labels: '身份证复印件\n一寸免冠照片' }, [
    { filename: 'a.png', content: uniquePng() },
    { filename: 'b.png', content: uniquePng() },
  ]);
  await sendCase(await s(DAY), id, { note: '' });
  await recordResult(await s(2 * DAY), id, { outcome: 'success' });
  const completedAt = new Date(t0.getTime() + 3 * DAY);
  await handOver(await s(3 * DAY), id, { how: 'in_person', note: '' });
  const filesOfCase = () => read(env.kernel).selectFrom('grid_files').select(['label', 'file_key', 'purged_at']).where('subject_id', '=', id).orderBy('label').execute();
  const purgeAt = async (when: Date) => purgeAgencyDocuments({ ...env.kernel, clock: { now: () => when } });

  // One day before, and one millisecond before: still there.
  await purgeAt(new Date(completedAt.getTime() + 9 * DAY));
  await purgeAt(new Date(completedAt.getTime() + 10 * DAY - 1));
  assert.ok((await filesOfCase()).every((f) => f.file_key && !f.purged_at), 'kept before the retention ends');
  const key = (await filesOfCase())[0]!.file_key!;
  assert.ok(await env.kernel.files.get(key));

  // At the instant: the content goes, the labels stay, one audit entry; a second run does nothing.
  const done = await purgeAt(new Date(completedAt.getTime() + 10 * DAY));
  assert.ok(done.purged >= 1);
  const after = await filesOfCase();
  assert.deepEqual(after.map((f) => f.label), ['一寸免冠照片', '身份证复印件']);
  assert.ok(after.every((f) => f.file_key === null && f.purged_at));
  assert.equal(await env.kernel.files.get(key).catch(() => null), null, 'the stored file removed');
  await purgeAt(new Date(completedAt.getTime() + 11 * DAY));
  const audits = await env.kernel.db.selectFrom('audit_log').select('detail').where('action', '=', 'grid.agency.documents_purged').where('subject_id', '=', id).execute();
  assert.equal(audits.length, 1);
  const staff = await as('property_staff');
  const view = (await staff.request('GET', `${A}/cases/${id}`)).body;
  assert.ok(view.documentsPurgedAt);
  assert.ok(view.documents.every((d: { url: string | null; purgedAt: string | null }) => d.url === null && d.purgedAt));
  assert.equal(view.steps.at(-1).step, 'documents_purged');
  const alice = await as('13800000001');
  assert.deepEqual((await alice.request('GET', `/api/me/grid/agency/cases/${id}`)).body.documents, [
    { label: '身份证复印件', purged: true },
    { label: '一寸免冠照片', purged: true },
  ]);
  // An open case's documents stay however old.
  const openOld = await openCase(await s(0), { pointId: x.PA, serviceId: x.s1, personId: w.persons.tom, note: '' }, [{ filename: 'c.png', content: PNG }]);
  await purgeAt(new Date(t0.getTime() + 400 * DAY));
  assert.ok((await read(env.kernel).selectFrom('grid_files').select('file_key').where('subject_id', '=', openOld.id).executeTakeFirstOrThrow()).file_key);
});

test('the per-case pay counts only the cases completed in the month (Asia/Shanghai), at the pay fixed at completion', async () => {
  const staffId = (await env.kernel.db.selectFrom('accounts').select('id').where('username', '=', 'property_staff').executeTakeFirstOrThrow()).id;
  const ctxAt = (iso: string) => actorAt(staffId, '客服', new Date(iso));
  /** A case opened at `opened`, taken to a result, completed at `completed` (or left / withdrawn). */
  const make = async (serviceId: string, opened: string, end: { completed: string } | { withdrawn: string } | 'open') => {
    const { id } = await openCase(await ctxAt(opened), { pointId: x.PA, serviceId, personId: w.persons.tom, note: '' }, []);
    if (end !== 'open' && 'withdrawn' in end) {
      await withdrawCase(await ctxAt(end.withdrawn), id, { reason: '撤回' });
      return id;
    }
    await sendCase(await ctxAt(opened), id, { note: '' });
    await recordResult(await ctxAt(opened), id, { outcome: 'success' });
    if (end !== 'open') await handOver(await ctxAt(end.completed), id, { how: 'in_person', note: '' });
    return id;
  };
  const lastInstant = await make(x.s1, '2027-03-25T09:00:00+08:00', { completed: '2027-03-31T23:59:59.999+08:00' });
  const firstOfApril = await make(x.s1, '2027-03-25T10:00:00+08:00', { completed: '2027-04-01T00:00:00+08:00' });
  const firstOfMarch = await make(x.s2, '2027-02-25T10:00:00+08:00', { completed: '2027-03-01T00:00:00+08:00' });
  const lastOfFeb = await make(x.s2, '2027-02-20T10:00:00+08:00', { completed: '2027-02-28T23:59:59.999+08:00' });
  await make(x.s1, '2027-03-03T10:00:00+08:00', { withdrawn: '2027-03-10T10:00:00+08:00' });
  await make(x.s1, '2027-03-04T10:00:00+08:00', 'open');
  // The service's pay changes after the March cases completed: they keep the pay they completed with.
  const official = await as('street_official');
  assert.equal((await official.request('PUT', `${A}/services/${x.s1}`, { name: '老年人优待证办理', documents: ['身份证复印件'], timeLimitDays: 10, payFen: 9900 })).status, 200);

  assert.ok(payoutKind('grid.agency_case_pay'), 'the kind is registered');
  const linesOf = async (label: string) => {
    const lines = await agencyCasePay.lines(env.kernel.db, { streetId: w.places.S, period: parsePeriod('month', label)! });
    return lines.filter((l) => [lastInstant, firstOfApril, firstOfMarch, lastOfFeb].includes(l.sourceId) || l.description.startsWith(label));
  };
  const march = await linesOf('2027-03');
  // Hand count: the last instant of March (1500) and the first of March (2000); not April's first instant, not
  // February's last, not the withdrawn nor the unfinished one.
  assert.deepEqual(march.map((l) => l.sourceId).sort(), [lastInstant, firstOfMarch].sort());
  assert.equal(march.reduce((a, l) => a + l.amountFen, 0), 3500);
  assert.ok(march.every((l) => l.payeeType === 'agency_point' && l.payeeId === x.PA && l.quantity === 1 && l.amountFen === l.unitFen));
  assert.deepEqual((await linesOf('2027-04')).map((l) => l.sourceId), [firstOfApril]);
  assert.deepEqual((await linesOf('2027-02')).map((l) => l.sourceId), [lastOfFeb]);

  // The on-time share over March: both completed by their due day (2027-04-04 and 2027-03-12) → 2 of 2 at the
  // compound; a late one (due 2027-03-14, completed 2027-03-20) makes it 2 of 3.
  await make(x.s1, '2027-03-04T09:00:00+08:00', { completed: '2027-03-20T09:00:00+08:00' });
  const parts = await onTimeShareParts(env.kernel.db, { streetId: w.places.S, from: new Date('2027-03-01T00:00:00+08:00'), to: new Date('2027-04-01T00:00:00+08:00'), placeKinds: ['street', 'community', 'compound'] });
  assert.deepEqual(parts.find((p) => p.placeId === w.places.A), { placeId: w.places.A, numerator: 2, denominator: 3 });
  assert.deepEqual(parts.find((p) => p.placeId === w.places.C1), { placeId: w.places.C1, numerator: 2, denominator: 3 });
});

test('due and on time by China days: due = accepted day + time limit; completing on the due day is on time, the day after is not', async () => {
  const staffId = (await env.kernel.db.selectFrom('accounts').select('id').where('username', '=', 'property_staff').executeTakeFirstOrThrow()).id;
  const at = (iso: string) => actorAt(staffId, '客服', new Date(iso));
  // Accepted 2027-05-01 23:30 Shanghai (15:30 UTC): due 2027-05-11 (10 days).
  const run = async (completed: string) => {
    const c = await openCase(await at('2027-05-01T23:30:00+08:00'), { pointId: x.PA, serviceId: x.s1, personId: w.persons.tom, note: '' }, []);
    assert.equal(c.dueOn, '2027-05-11');
    await sendCase(await at('2027-05-02T09:00:00+08:00'), c.id, { note: '' });
    await recordResult(await at('2027-05-03T09:00:00+08:00'), c.id, { outcome: 'success' });
    return handOver(await at(completed), c.id, { how: 'in_person', note: '' });
  };
  assert.equal((await run('2027-05-11T23:59:00+08:00')).onTime, true);
  assert.equal((await run('2027-05-12T00:00:00+08:00')).onTime, false);
});

test('the point staff’s to-dos: cases due within two days or overdue, bookings to confirm — each the total of the list it opens', async () => {
  const staffId = (await env.kernel.db.selectFrom('accounts').select('id').where('username', '=', 'property_staff').executeTakeFirstOrThrow()).id;
  const now = env.kernel.clock.now().getTime();
  // Opened 9 days ago with a 10-day limit: due tomorrow; 12 days ago: overdue; 1 day ago: not due soon.
  for (const daysAgo of [9, 12, 1]) await openCase(await actorAt(staffId, '客服', new Date(now - daysAgo * DAY)), { pointId: x.PA, serviceId: x.s1, personId: w.persons.tom, note: '' }, []);
  const staff = await as('property_staff');
  const home = (await staff.request('GET', '/api/me/workbench')).body as { todos: { key: string; count: number; link: string }[] };
  const due = home.todos.find((t) => t.key === 'gridAgencyCasesDue')!;
  const list = (await staff.request('GET', `/api${due.link}&pageSize=200`)).body as { total: number; items: { dueOn: string; status: string }[] };
  assert.equal(due.count, list.total);
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * DAY).toISOString().slice(0, 10);
  assert.ok(list.items.every((c) => c.dueOn <= soon && ['accepted', 'sent', 'result'].includes(c.status)));
  assert.ok(due.count >= 2, `the two due soon or overdue: ${due.count}`);
  const bookings = home.todos.find((t) => t.key === 'gridAgencyBookingsToConfirm')!;
  assert.equal(bookings.count, (await staff.request('GET', `/api${bookings.link}`)).body.total);
  // Another company's staff: none of these.
  const other = (await (await as('otherstaff')).request('GET', '/api/me/workbench')).body as { todos: { key: string; count: number }[] };
  assert.equal(other.todos.find((t) => t.key === 'gridAgencyCasesDue')?.count, 0);
  // Overseers have no such to-do (they do not handle cases).
  const official = (await (await as('street_official')).request('GET', '/api/me/workbench')).body as { todos: { key: string }[] };
  assert.equal(official.todos.find((t) => t.key === 'gridAgencyCasesDue'), undefined);
});
