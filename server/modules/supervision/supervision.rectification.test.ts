import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chinaDay } from '../../kernel/clock.ts';
import type { Ctx } from '../../kernel/context.ts';
import { expectRefused } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { supervisionModule, noticeCountsFor } from './index.ts';
import { read } from './supervision.db.ts';
import { rectificationFigures } from './supervision.rectification.figures.ts';
import { NoticesSort } from './supervision.rectification.schemas.ts';
import { ctxFor, insertFinding, pdfFile, png, signInClient, textFile, upload, useRectificationWorld } from './supervision.rectification.test-support.ts';
import { closeNotice } from './use-cases/close-notice.ts';
import { escalateOverdueNotices } from './use-cases/escalate-overdue-notices.ts';
import { issueNotice } from './use-cases/issue-notice.ts';
import { reissueNotice } from './use-cases/reissue-notice.ts';
import { respondNotice } from './use-cases/respond-notice.ts';

/**
 * The rules of rectification notices (issue 20 §4): numbering per street and year, the issuing level, every
 * transition only to the right role (the level rule included) and refusals that write nothing, the overdue job
 * driven by the clock, the prefill from an inspection finding, the PDF, noticeCountsFor and the figures against
 * hand counts, the list's sorting.
 */
const DAY = 86_400_000;
const TABLES = ['sup_notices', 'sup_notice_events', 'sup_notice_files', 'sup_notice_counters', 'audit_log'];
const { env, w, setUp } = useRectificationWorld();
const official = setUp('official', () => ctxFor(env.kernel, w.accounts.street_official));
const secretary = setUp('secretary', () => ctxFor(env.kernel, w.accounts.community_secretary));
const committee = setUp('committee', () => ctxFor(env.kernel, w.accounts.property_committee_member));
const committeeC1 = setUp('committeeC1', () => ctxFor(env.kernel, w.accounts.committeeC1));
const staffCtx = setUp('staff', () => ctxFor(env.kernel, w.accounts.property_staff));
const zofficial = setUp('zofficial', () => ctxFor(env.kernel, w.accounts.zofficial));
const zmanager = setUp('zmanager', () => ctxFor(env.kernel, w.accounts.zmanager));

const today = () => chinaDay(env.clock.now());
const dayPlus = (n: number) => chinaDay(new Date(Date.parse(`${today()}T12:00:00+08:00`) + n * DAY));
const notice = (id: string) => read(env.kernel).selectFrom('sup_notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const issue = async (ctx: Ctx, placeId: string, title = '楼道堆放杂物', deadline = dayPlus(7)) =>
  (await issueNotice(ctx, { placeId, title, description: '楼道堆放纸箱，堵塞通道', deadline }, [upload(png(1))])).id;
const respond = (ctx: Ctx, id: string, seed = 5) => respondNotice(ctx, id, { text: '已清理' }, [upload(png(seed))]);
const inbox = async (accountId: string, template: string) =>
  (
    await read(env.kernel)
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as b', (j) => j.onRef('b.street_id', '=', 'm.street_id').onRef('b.id', '=', 'm.batch_id'))
      .select(['b.subject_id'])
      .where('m.channel', '=', 'inbox')
      .where('b.template', '=', template)
      .where('m.account_id', '=', accountId)
      .execute()
  ).map((r) => r.subject_id);
const audited = async (id: string) =>
  (await read(env.kernel).selectFrom('audit_log').select('action').where('subject_id', '=', id).orderBy('seq').execute()).map((a) => a.action);
/** Moves the test clock to an instant (it only moves forward). */
const setClock = (iso: string) => {
  const target = Date.parse(iso);
  assert.ok(target >= env.clock.now().getTime(), `the clock moves forward to ${iso}`);
  env.clock.advance(target - env.clock.now().getTime());
};

describe('issuing', () => {
  test('numbers run per street and year without gaps: 整改〔2026〕第 001 号', async () => {
    const a = await issue(official, w.places.A);
    const b = await issue(secretary, w.places.A1.building);
    const z = await issue(zofficial, w.places.Z);
    assert.equal((await notice(a)).no, '整改〔2026〕第 001 号');
    assert.equal((await notice(b)).no, '整改〔2026〕第 002 号');
    assert.equal((await notice(z)).no, '整改〔2026〕第 001 号', 'the other street counts its own');
    // A refused issue takes no number.
    await assert.rejects(issue(official, w.places.B), { code: 'NO_COMPANY' });
    assert.equal((await notice(await issue(official, w.places.A))).no, '整改〔2026〕第 003 号');
  });

  test('the level and organisation are those of the issuer’s grant; the company is the compound’s', async () => {
    const cases: [Ctx, 'street' | 'community', string][] = [
      [official, 'street', '测试街道办事处'],
      [committee, 'street', '测试街道物业管理委员会'],
      [secretary, 'community', '一社区居民委员会'],
      [committeeC1, 'community', '一社区物业管理委员会'],
    ];
    for (const [ctx, level, org] of cases) {
      const n = await notice(await issue(ctx, w.rooms.A101));
      assert.deepEqual([n.issuer_level, n.issuer_org, n.company_id, n.company_name, n.compound_id], [level, org, w.organisations.pc1, '安和物业', w.places.A]);
      assert.deepEqual(await audited(n.id), ['supervision.notice.issued']);
      assert.ok((await inbox(w.accounts.property_manager, 'supervision.notice_issued')).includes(n.id), 'the company hears of it');
    }
  });

  test('the deadline is a China day from today on: today is accepted, yesterday refused', async () => {
    const n = await notice(await issue(official, w.places.A, '今天到期', today()));
    assert.equal(n.deadline, today());
    assert.equal(n.due_at.getTime(), Date.parse(`${dayPlus(1)}T00:00:00+08:00`), 'due at midnight after the deadline day');
    await assert.rejects(issue(official, w.places.A, '昨天', dayPlus(-1)), { code: 'DEADLINE_PAST' });
    await assert.rejects(issue(official, w.places.A, '无效', '2026-02-30'), { code: 'DEADLINE_INVALID' });
  });

  test('refusals over HTTP write nothing: outside, not an issuer, no company, not in a compound, a false image', async () => {
    const street = await signInClient(env.app, 'street_official');
    const outsider = await signInClient(env.app, 'secretary2');
    const manager = await signInClient(env.app, 'property_manager');
    const resident = await signInClient(env.app, '13800000001');
    const fields = (placeId: string) => ({ placeId, title: '问题', description: '描述', deadline: dayPlus(3) });
    const post = (c: typeof street, placeId: string, files = [png(3)]) => () => c.upload('/api/supervision/notices', fields(placeId), files);
    await expectRefused(env.kernel, TABLES, post(outsider, w.places.A), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, post(resident, w.places.A), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, post(manager, w.places.A), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, post(street, w.places.B), 409, 'NO_COMPANY');
    await expectRefused(env.kernel, TABLES, post(street, w.places.C1), 400, 'PLACE_NOT_IN_COMPOUND');
    await expectRefused(env.kernel, TABLES, post(street, w.places.Z), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, post(street, w.places.A, [png(4), textFile()]), 400, 'FILE_TYPE_NOT_ALLOWED');
    await expectRefused(env.kernel, TABLES, () => street.request('POST', '/api/supervision/notices', { ...fields(w.places.A), deadline: dayPlus(-1) }), 400, 'DEADLINE_PAST');
    const ok = await street.upload('/api/supervision/notices', fields(w.places.A), [png(6), pdfFile(1)]);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const files = await read(env.kernel).selectFrom('sup_notice_files').select(['kind', 'mime', 'stage']).where('notice_id', '=', ok.body.id).orderBy('kind').execute();
    assert.deepEqual(files, [
      { kind: 'document', mime: 'application/pdf', stage: 'issue' },
      { kind: 'photo', mime: 'image/png', stage: 'issue' },
    ]);
  });
});

describe('transitions', () => {
  test('respond: the company with a grant on the place, with evidence, while waiting; anyone else refused, nothing written', async () => {
    const id = await issue(official, w.places.A1.building);
    const street = await signInClient(env.app, 'street_official');
    const staff = await signInClient(env.app, 'property_staff');
    const zman = await signInClient(env.app, 'zmanager');
    const url = `/api/supervision/notices/${id}/respond`;
    await expectRefused(env.kernel, TABLES, () => street.upload(url, { text: '已整改' }, [png(7)]), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => zman.upload(url, { text: '已整改' }, [png(7)]), 404, 'NOTICE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', url, { text: '已整改' }), 400, 'EVIDENCE_REQUIRED');
    const ok = await staff.upload(url, { text: '已清理楼道' }, [png(8), pdfFile(2)]);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'responded');
    assert.deepEqual(ok.body.actions, []);
    await expectRefused(env.kernel, TABLES, () => staff.upload(url, { text: '再次' }, [png(9)]), 409, 'NOT_WAITING_FOR_COMPANY');
    assert.ok((await inbox(w.accounts.street_official, 'supervision.notice_responded')).includes(id), 'the issuer hears of the answer');
    assert.deepEqual(await audited(id), ['supervision.notice.issued', 'supervision.notice.responded']);
  });

  test('close: the issuer’s level or above — a community cannot close a street’s notice; the company never', async () => {
    const id = await issue(official, w.places.A);
    const sec = await signInClient(env.app, 'community_secretary');
    const c1 = await signInClient(env.app, 'committeec1');
    const manager = await signInClient(env.app, 'property_manager');
    const wuweihui = await signInClient(env.app, 'property_committee_member');
    const url = `/api/supervision/notices/${id}/close`;
    await expectRefused(env.kernel, TABLES, () => wuweihui.request('POST', url, {}), 409, 'NOT_WAITING_FOR_ISSUER');
    await respond(staffCtx, id);
    await expectRefused(env.kernel, TABLES, () => sec.request('POST', url, {}), 403, 'LEVEL_TOO_LOW');
    await expectRefused(env.kernel, TABLES, () => c1.request('POST', url, {}), 403, 'LEVEL_TOO_LOW');
    await expectRefused(env.kernel, TABLES, () => manager.request('POST', url, {}), 403, 'FORBIDDEN');
    const detail = await wuweihui.request('GET', `/api/supervision/notices/${id}`);
    assert.deepEqual(detail.body.actions, ['close', 'reissue'], 'the street’s 物委会 is at street level');
    assert.deepEqual((await sec.request('GET', `/api/supervision/notices/${id}`)).body.actions, [], 'a community sees no buttons on a street notice');
    const ok = await wuweihui.request('POST', url, { note: '复查合格' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'closed');
    assert.ok((await inbox(w.accounts.property_manager, 'supervision.notice_closed')).includes(id));

    // A community's notice: the community closes it, and so may the street above.
    for (const closer of [secretary, official, committeeC1]) {
      const c = await issue(secretary, w.places.A);
      await respond(staffCtx, c);
      await closeNotice(closer, c, { note: '' });
      assert.equal((await notice(c)).status, 'closed');
    }
  });

  test('reissue: a reason and a new deadline from today on; the next round goes back to the company, history kept', async () => {
    const id = await issue(secretary, w.places.A);
    await respond(staffCtx, id);
    const sec = await signInClient(env.app, 'community_secretary');
    const staff = await signInClient(env.app, 'property_staff');
    const url = `/api/supervision/notices/${id}/reissue`;
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', url, { reason: '不行', deadline: dayPlus(5) }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => sec.request('POST', url, { reason: '不行', deadline: dayPlus(-1) }), 400, 'DEADLINE_PAST');
    await expectRefused(env.kernel, TABLES, () => sec.request('POST', url, { reason: '', deadline: dayPlus(5) }), 400, 'VALIDATION_FAILED');
    const ok = await sec.request('POST', url, { reason: '北侧仍未清理', deadline: dayPlus(5) });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.status, ok.body.round, ok.body.deadline], ['reissued', 2, dayPlus(5)]);
    assert.ok((await inbox(w.accounts.property_staff, 'supervision.notice_reissued')).includes(id));
    await expectRefused(env.kernel, TABLES, () => sec.request('POST', url, { reason: '再次', deadline: dayPlus(5) }), 409, 'NOT_WAITING_FOR_ISSUER');
    await respond(staffCtx, id, 11);
    await closeNotice(secretary, id, { note: '' });
    const detail = await sec.request('GET', `/api/supervision/notices/${id}`);
    assert.deepEqual(
      detail.body.events.map((e: { kind: string; round: number }) => `${e.kind}@${e.round}`),
      ['issued@1', 'responded@1', 'reissued@2', 'responded@2', 'closed@2'],
    );
    assert.deepEqual(
      detail.body.files.map((f: { stage: string; round: number }) => `${f.stage}@${f.round}`),
      ['issue@1', 'response@1', 'response@2'],
    );
    assert.deepEqual(await audited(id), ['supervision.notice.issued', 'supervision.notice.responded', 'supervision.notice.reissued', 'supervision.notice.responded', 'supervision.notice.closed']);
  });
});

describe('from an inspection finding', () => {
  test('the form is prefilled from the item and the notice references the item’s photos', async () => {
    const f = await insertFinding(env.kernel, { streetId: w.places.S, compoundId: w.places.A, inspectorId: w.accounts.street_official });
    const street = await signInClient(env.app, 'street_official');
    const manager = await signInClient(env.app, 'property_manager');
    const q = `inspectionId=${f.inspection}&indicatorId=${f.indicator}`;
    const pre = await street.request('GET', `/api/supervision/notices/prefill?${q}`);
    assert.equal(pre.status, 200, JSON.stringify(pre.body));
    assert.equal(pre.body.placeId, w.places.A);
    assert.equal(pre.body.title, '楼道整洁整改');
    assert.match(pre.body.description, /HJ-01「楼道整洁」：发现问题 2 处/);
    assert.match(pre.body.description, /2栋3楼、5楼楼道堆放杂物/);
    assert.equal(pre.body.files.length, 2);
    assert.equal((await manager.request('GET', `/api/supervision/notices/prefill?${q}`)).status, 404, 'not for the company');

    const made = await street.upload(
      '/api/supervision/notices',
      { placeId: w.places.A, title: pre.body.title, description: pre.body.description, deadline: dayPlus(10), inspectionId: f.inspection, indicatorId: f.indicator },
      [png(31)],
    );
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const n = await notice(made.body.id);
    assert.deepEqual([n.source_inspection_id, n.source_indicator_id], [f.inspection, f.indicator]);
    const files = await read(env.kernel).selectFrom('sup_notice_files').select(['id', 'source_file_id', 'file_key']).where('notice_id', '=', n.id).orderBy('uploaded_at').execute();
    assert.deepEqual(files.map((x) => x.source_file_id).filter(Boolean).sort(), [...f.files].sort(), 'both photos referenced');
    const copied = files.find((x) => x.source_file_id === f.files[0])!;
    const inspected = await read(env.kernel).selectFrom('sup_inspection_files').select('file_key').where('id', '=', f.files[0]!).executeTakeFirstOrThrow();
    assert.equal(copied.file_key, inspected.file_key, 'the same stored file, not a copy');
    const photo = await manager.request('GET', `/api/supervision/notices/${n.id}/files/${copied.id}`);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers['content-type'], 'image/png');
    assert.deepEqual(photo.raw, png(201).content);
    // A source at another place than the finding's is refused, writing nothing.
    await expectRefused(
      env.kernel,
      TABLES,
      () => street.request('POST', '/api/supervision/notices', { placeId: w.places.B, title: 't', description: 'd', deadline: dayPlus(3), inspectionId: f.inspection, indicatorId: f.indicator }),
      404,
      'SOURCE_NOT_FOUND',
    );
  });
});

describe('PDF', () => {
  test('a notice prints as application/pdf for those who read it; 404 for others', async () => {
    const id = await issue(official, w.places.A);
    const manager = await signInClient(env.app, 'property_manager');
    const pdf = await manager.request('GET', `/api/supervision/notices/${id}/notice.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.raw.subarray(0, 5).toString('latin1'), '%PDF-');
    const zman = await signInClient(env.app, 'zmanager');
    assert.equal((await zman.request('GET', `/api/supervision/notices/${id}/notice.pdf`)).status, 404);
  });
});

describe('counts, figures and sorting over the other street (only this describe issues there)', () => {
  test('noticeCountsFor and the figures equal a hand count; the list sorts', async () => {
    // Street S2 already holds one notice at Z from the numbering test (waiting), issued before t0.
    env.clock.advance(60_000);
    const t0 = env.clock.now();
    const closed = await issue(zofficial, w.rooms.Z101, '甲', dayPlus(2));
    env.clock.advance(60_000);
    const answered = await issue(zofficial, w.places.Z1.building, '乙', dayPlus(4));
    env.clock.advance(60_000);
    await respondNotice(zmanager, closed, { text: '好' }, [upload(png(41))]);
    await closeNotice(zofficial, closed, { note: '' });
    await respondNotice(zmanager, answered, { text: '好' }, [upload(png(42))]);
    const t1 = new Date(env.clock.now().getTime() + 1);
    const db = read(env.kernel);
    const all = await db.selectFrom('sup_notices').selectAll().where('street_id', '=', w.places.S2).execute();
    assert.equal(all.length, 3);
    const counts = await noticeCountsFor(env.kernel.db, { streetId: w.places.S2, from: t0, to: t1 });
    assert.deepEqual(counts, [{ companyId: w.organisations.pcZ, companyName: '邻街物业', issued: 2, overdue: 0, closed: 1, open: 2 }]);
    const before = await noticeCountsFor(env.kernel.db, { streetId: w.places.S2, from: new Date(t0.getTime() - DAY), to: t0 });
    assert.deepEqual(before.map((c) => [c.issued, c.open, c.closed]), [[1, 1, 0]], 'the earlier window: the first notice only');
    assert.deepEqual(await noticeCountsFor(env.kernel.db, { streetId: w.places.S2, companyId: w.organisations.pc1, from: t0, to: t1 }), []);

    const at = { streetId: w.places.S2, from: new Date(t0.getTime() - DAY), to: t1 };
    const fig = async (key: string) => {
      const def = rectificationFigures.find((f) => f.key === key)!;
      const parts = await def.count(env.kernel.db, { ...at, placeKinds: def.placeKinds });
      return Object.fromEntries(parts.map((p) => [p.placeId, p.numerator]));
    };
    const every = (n: number) => ({ [w.places.S2]: n, [w.places.C3]: n, [w.places.Z]: n });
    assert.deepEqual(await fig('supervision.notices_issued'), every(3));
    assert.deepEqual(await fig('supervision.notices_closed'), every(1));
    assert.deepEqual(await fig('supervision.notices_open'), every(2));
    assert.deepEqual(await fig('supervision.notices_overdue'), {}, 'nothing past its deadline yet');

    const z = await signInClient(env.app, 'zofficial');
    const first = all.find((n) => n.id !== closed && n.id !== answered)!.id;
    const byId = [first, closed, answered].sort();
    await expectSorts(env.kernel, z, '/api/supervision/notices', NoticesSort, {
      issuedAt: [first, closed, answered],
      no: [first, closed, answered],
      deadline: deadlineOrder(await db.selectFrom('sup_notices').select(['id', 'deadline']).where('street_id', '=', w.places.S2).execute()),
      company: byId,
      status: statusOrder(await db.selectFrom('sup_notices').select(['id', 'status']).where('street_id', '=', w.places.S2).execute()),
      place: [first, answered, closed],
    });
    const byCompany = await z.request('GET', '/api/supervision/notices/by-company');
    assert.deepEqual(byCompany.body.items, [{ companyId: w.organisations.pcZ, companyName: '邻街物业', issued: 3, open: 2, overdueNow: 0, everOverdue: 0, closed: 1 }]);
    const xlsx = await z.request('GET', '/api/supervision/notices/export.xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.raw.subarray(0, 2).toString('latin1'), 'PK');
  });
});

/** Deadlines ascending, ties by id (the list's tie-break). */
const deadlineOrder = (rows: { id: string; deadline: string }[]) => rows.toSorted((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id)).map((r) => r.id);
/** Status codes ascending as text, ties by id. */
const statusOrder = (rows: { id: string; status: string }[]) => rows.toSorted((a, b) => a.status.localeCompare(b.status) || a.id.localeCompare(b.id)).map((r) => r.id);

describe('the overdue job (clock driven)', () => {
  test('it is in the manifest, hourly', () => {
    const job = supervisionModule.jobs?.find((j) => j.name === 'supervision.escalate_overdue_notices');
    assert.equal(job?.everyMs, 3_600_000);
  });

  test('exactly the overdue notices, once each; a reissue re-arms; the level above hears of it', async () => {
    // Everything issued before is due later than what this test issues, or was answered.
    const D = today();
    const community = await issue(secretary, w.places.A, '社区下发今日到期', D);
    const street = await issue(official, w.places.A, '街道下发今日到期', D);
    const answered = await issue(official, w.places.A, '已回复今日到期', D);
    await respond(staffCtx, answered);
    const later = await issue(official, w.places.A, '明日到期', dayPlus(1));

    setClock(`${D}T23:59:00+08:00`);
    assert.deepEqual(await escalateOverdueNotices(env.kernel), { escalated: 0 }, 'a minute before the deadline has passed: nothing');
    env.clock.advance(2 * 60_000); // 00:01 the next day
    const first = await escalateOverdueNotices(env.kernel);
    const escalatedIds = (await read(env.kernel).selectFrom('sup_notices').select('id').where('escalated_at', 'is not', null).execute()).map((r) => r.id);
    assert.ok(escalatedIds.includes(community) && escalatedIds.includes(street));
    assert.ok(!escalatedIds.includes(answered) && !escalatedIds.includes(later));
    assert.equal(first.escalated, escalatedIds.length);
    assert.deepEqual(await escalateOverdueNotices(env.kernel), { escalated: 0 }, 'a second run escalates nothing again');

    const c = await notice(community);
    const s = await notice(street);
    assert.deepEqual([c.escalated_to, c.overdue_count, s.escalated_to, s.overdue_count], ['street', 1, 'street_committee', 1]);
    assert.equal(c.overdue_at?.getTime(), env.clock.now().getTime());
    assert.deepEqual(await audited(community), ['supervision.notice.issued', 'supervision.notice.escalated']);
    assert.ok((await inbox(w.accounts.street_official, 'supervision.notice_escalated')).includes(community), 'the street hears of the community’s notice');
    assert.ok(!(await inbox(w.accounts.property_committee_member, 'supervision.notice_escalated')).includes(community));
    assert.ok((await inbox(w.accounts.property_committee_member, 'supervision.notice_escalated')).includes(street), 'the 物委会 hears of the street’s');
    const overdueList = await (await signInClient(env.app, 'property_manager')).request('GET', '/api/supervision/notices?overdue=true&pageSize=200');
    assert.ok(overdueList.body.items.some((i: { id: string; overdue: boolean }) => i.id === community && i.overdue));

    // The company answers late; the street sends it back with a new deadline: re-armed, escalated again later.
    await respond(staffCtx, street, 51);
    await reissueNotice(official, street, { reason: '未彻底整改', deadline: dayPlus(2) });
    const rearmed = await notice(street);
    assert.deepEqual([rearmed.status, rearmed.escalated_at, rearmed.overdue_at, rearmed.overdue_count], ['reissued', null, null, 1]);
    const firstOverdue = rearmed.first_overdue_at?.getTime();
    setClock(`${dayPlus(3)}T00:00:00+08:00`);
    await escalateOverdueNotices(env.kernel);
    const again = await notice(street);
    assert.ok(again.escalated_at, 'escalated again after the new deadline');
    assert.equal(again.overdue_count, 2);
    assert.equal(again.first_overdue_at?.getTime(), firstOverdue, 'the first lapse stays for the credit');
    const [counts] = await noticeCountsFor(env.kernel.db, { streetId: w.places.S, companyId: w.organisations.pc1, from: new Date(0), to: new Date(env.clock.now().getTime() + 1) });
    assert.ok(counts!.overdue >= 2, 'both lapsed notices count as overdue once each');
  });
});

describe('the workbench home', () => {
  test('the company’s notices to answer, the issuer’s answers to verify and the overdue ones, each the count of its list', async () => {
    const waiting = await issue(official, w.places.A, '待回复', dayPlus(3));
    const answered = await issue(official, w.places.A, '待核验', dayPlus(3));
    await respond(staffCtx, answered, 61);
    const seen: Record<string, number> = {};
    for (const login of ['property_manager', 'street_official', 'community_secretary']) {
      const s = await signInClient(env.app, login);
      const home = await s.request('GET', '/api/me/workbench');
      for (const todo of (home.body.todos as { key: string; count: number; link: string }[]).filter((t) => t.key.startsWith('supervisionNotices'))) {
        const list = await s.request('GET', `/api${todo.link}`);
        assert.equal(list.body.total, todo.count, `${login} ${todo.key}`);
        seen[`${login}:${todo.key}`] = todo.count;
      }
    }
    assert.ok(seen['property_manager:supervisionNoticesToAnswer']! >= 1 && seen['property_manager:supervisionNoticesOverdue']! >= 1);
    assert.equal(seen['property_manager:supervisionNoticesToVerify'], undefined, 'a company verifies nothing');
    assert.ok(seen['street_official:supervisionNoticesToVerify']! >= 1);
    assert.equal(seen['street_official:supervisionNoticesToAnswer'], undefined, 'an official answers nothing');
    assert.ok(waiting && answered);
  });
});
