import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Ctx } from '../../kernel/context.ts';
import { expectRefused } from '../../test/harness.ts';
import { expectSorts } from '../../test/sorting.ts';
import { AppealsSort, EntriesSort } from './supervision.lists.schemas.ts';
import { type Client, ctxFor, pdfFile, signInClient } from './supervision.rectification.test-support.ts';
import { read } from './supervision.db.ts';
import { DEFAULT_LIST_RULES } from './supervision.lists.constants.ts';
import { LIST_TABLES, useListsWorld } from './supervision.lists.test-support.ts';
import { listPublicPayload } from './supervision.lists.public.ts';
import { appealEntry } from './use-cases/appeal-entry.ts';
import { appealUntil } from './use-cases/publish-list.ts';
import { decideAppeal } from './use-cases/decide-appeal.ts';
import { listsStaffHome } from './use-cases/list-appeals.ts';
import { publishList } from './use-cases/publish-list.ts';
import { updateListRules } from './use-cases/update-list-rules.ts';

/**
 * The red and black list (issue 21 §2): entry by the street's rule, one publication per street and quarter, the
 * appeal window to the last instant of its last China day (clock-driven), measures only of the kinds the rules list
 * (each storing its clause), an upheld appeal taking the entry off the public list. The test clock starts at
 * 2026-11-22 09:00 +08:00 (2026-Q4); the tests run in order and the last one moves the clock.
 */
const { env, w, afterSetUp } = useListsWorld();
const ctx: Record<'official' | 'manager' | 'zofficial' | 'zmanager', Ctx> = {} as never;
let official: Client;
let manager: Client;
const entries = async (publicationId: string) =>
  read(env.kernel).selectFrom('sup_list_entries').selectAll().where('publication_id', '=', publicationId).orderBy('score_centi', 'desc').execute();
const ids: Record<string, string> = {};

afterSetUp(async () => {
  ctx.official = await ctxFor(env.kernel, w.accounts.street_official);
  ctx.manager = await ctxFor(env.kernel, w.accounts.property_manager);
  ctx.zofficial = await ctxFor(env.kernel, w.accounts.zofficial);
  ctx.zmanager = await ctxFor(env.kernel, w.accounts.zmanager);
  official = await signInClient(env.app, 'street_official');
  manager = await signInClient(env.app, 'property_manager');
});

describe('rules', () => {
  test('the defaults until saved: AA and above red, B and below black, 10 days, three measures with their clauses', async () => {
    const res = await official.request('GET', `/api/supervision/lists/rules?streetId=${w.places.S}`);
    assert.equal(res.status, 200);
    assert.deepEqual([res.body.version, res.body.redFrom, res.body.blackFrom, res.body.appealDays, res.body.measures.length], [0, 'AA', 'B', 10, 3]);
  });
  test('the red list must sit above the black list; the catalogue needs one kind at least, each once — refused writes nothing', async () => {
    const body = { streetId: w.places.S, ...DEFAULT_LIST_RULES };
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('PUT', '/api/supervision/lists/rules', { ...body, redFrom: 'B', blackFrom: 'B' }), 400, 'RULES_INVALID');
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('PUT', '/api/supervision/lists/rules', { ...body, redFrom: 'A', blackFrom: 'AA' }), 400, 'RULES_INVALID');
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('PUT', '/api/supervision/lists/rules', { ...body, measures: [] }), 400, 'VALIDATION_FAILED');
    const twice = [DEFAULT_LIST_RULES.measures[0]!, DEFAULT_LIST_RULES.measures[0]!];
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('PUT', '/api/supervision/lists/rules', { ...body, measures: twice }), 400, 'RULES_INVALID');
  });
});

describe('publication: entry by rule', () => {
  test('default rules, 2026-Q3: 安和物业 77.00 B → black with the black clause and the window; 顺达物业 80.00 A on neither; 红星物业 105.00 AA → red', async () => {
    const res = await official.request('POST', '/api/supervision/lists/publications', { streetId: w.places.S, period: '2026-Q3' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.current, false);
    assert.equal(res.body.asOf, '2026-09-30T15:59:59.999Z'); // the quarter's last instant, China time
    ids.q3 = res.body.id;
    const rows = await entries(ids.q3);
    assert.deepEqual(
      rows.map((r) => [r.company_name, r.list, r.grade, r.score_centi]),
      [
        ['红星物业', 'red', 'AA', 10500],
        ['安和物业', 'black', 'B', 7700],
      ],
    );
    assert.equal(rows[0]!.basis, DEFAULT_LIST_RULES.redBasis);
    assert.equal(rows[0]!.appeal_until, null);
    assert.equal(rows[1]!.basis, DEFAULT_LIST_RULES.blackBasis);
    // Published 2026-11-22 → 10 days → the end of 2026-12-02 in China.
    assert.equal(rows[1]!.appeal_until!.toISOString(), '2026-12-02T15:59:59.999Z');
    ids.q3black = rows[1]!.id;
    ids.q3red = rows[0]!.id;
  });

  test('custom rules (red A and above, black C only), 2026-Q2: 安和物业 B is on neither; 顺达物业 A and 红星物业 AA are red', async () => {
    await updateListRules(ctx.official, { streetId: w.places.S, ...DEFAULT_LIST_RULES, redFrom: 'A', blackFrom: 'C', appealDays: 5 });
    const p = await publishList(ctx.official, { streetId: w.places.S, period: '2026-Q2' });
    assert.deepEqual(
      (await entries(p.id)).map((r) => [r.company_name, r.list, r.grade]),
      [
        ['红星物业', 'red', 'AA'],
        ['顺达物业', 'red', 'A'],
      ],
    );
    await updateListRules(ctx.official, { streetId: w.places.S, ...DEFAULT_LIST_RULES });
  });

  test('once per street and quarter: publishing 2026-Q3 again is refused and writes nothing; a quarter not begun is refused', async () => {
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('POST', '/api/supervision/lists/publications', { streetId: w.places.S, period: '2026-Q3' }), 409, 'ALREADY_PUBLISHED');
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('POST', '/api/supervision/lists/publications', { streetId: w.places.S, period: '2027-Q1' }), 400, 'PERIOD_NOT_STARTED');
  });

  test('the current quarter is graded as of the moment it is published (said so: current)', async () => {
    const res = await official.request('GET', `/api/supervision/lists/preview?streetId=${w.places.S}&period=2026-Q4`);
    assert.equal(res.status, 200);
    assert.equal(res.body.current, true);
    assert.equal(res.body.asOf, env.clock.now().toISOString());
    assert.deepEqual(
      res.body.lines.map((l: { companyName: string; list: string | null }) => [l.companyName, l.list]),
      [
        ['红星物业', 'red'],
        ['顺达物业', null],
        ['安和物业', 'black'],
      ],
    );
  });

  test('the appeal window ends at 23:59:59.999 China time of the last day', () => {
    assert.equal(appealUntil(new Date('2026-10-05T23:30:00+08:00'), 10).toISOString(), '2026-10-15T15:59:59.999Z');
    assert.equal(appealUntil(new Date('2026-10-05T00:10:00+08:00'), 1).toISOString(), '2026-10-06T15:59:59.999Z');
  });
});

describe('measures: only those the rules list', () => {
  test('a kind the rules no longer list is refused (409 MEASURE_NOT_LISTED) and writes nothing; a listed one stores its clause', async () => {
    const interviewOnly = { ...DEFAULT_LIST_RULES, measures: [{ kind: 'interview' as const, basis: '《办法》第二十条：约谈主要负责人。' }] };
    await updateListRules(ctx.official, { streetId: w.places.S, ...interviewOnly });
    const url = `/api/supervision/lists/entries/${ids.q3black}/measures`;
    const err = await expectRefused(env.kernel, LIST_TABLES, () => official.request('POST', url, { kind: 'more_inspections', extraInspections: 2, inspectionPeriod: '2026-Q4' }), 409, 'MEASURE_NOT_LISTED');
    assert.match(err.message, /增加检查频次/);
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('POST', url, { kind: 'interview', attendees: '企业负责人' }), 400, 'MEASURE_FIELDS');
    const ok = await official.request('POST', url, { kind: 'interview', interviewOn: '2026-11-25', attendees: '街道城管科、安和物业总经理', note: '通报扣分情况' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual(
      ok.body.measures.map((m: { kind: string; basis: string; interviewOn: string }) => [m.kind, m.basis, m.interviewOn]),
      [['interview', '《办法》第二十条：约谈主要负责人。', '2026-11-25']],
    );
    // The clause stays what it cited when the rules change later.
    await updateListRules(ctx.official, { streetId: w.places.S, ...DEFAULT_LIST_RULES });
    const row = await read(env.kernel).selectFrom('sup_list_measures').select('basis').where('entry_id', '=', ids.q3black).executeTakeFirstOrThrow();
    assert.equal(row.basis, '《办法》第二十条：约谈主要负责人。');
  });

  test('a red entry takes no measure; the company sees its measures; a plan measure takes the company’s upload once', async () => {
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('POST', `/api/supervision/lists/entries/${ids.q3red}/measures`, { kind: 'interview', interviewOn: '2026-11-25', attendees: '某某' }), 409, 'NOT_BLACK');
    const plan = await official.request('POST', `/api/supervision/lists/entries/${ids.q3black}/measures`, { kind: 'rectification_plan', planDue: '2026-12-20' });
    assert.equal(plan.status, 201);
    const seen = await manager.request('GET', `/api/supervision/lists/entries/${ids.q3black}`);
    assert.equal(seen.status, 200);
    const m = seen.body.measures.find((x: { kind: string }) => x.kind === 'rectification_plan');
    assert.equal(m.basis, DEFAULT_LIST_RULES.measures[2]!.basis);
    assert.equal(m.canSubmitPlan, true);
    await expectRefused(env.kernel, LIST_TABLES, () => manager.upload(`/api/supervision/lists/measures/${m.id}/plan`, { note: '整改方案' }, []), 400, 'FILES_REQUIRED');
    const up = await manager.upload(`/api/supervision/lists/measures/${m.id}/plan`, { note: '整改方案见附件' }, [pdfFile(7)]);
    assert.equal(up.status, 200, JSON.stringify(up.body));
    const file = up.body.measures.find((x: { id: string }) => x.id === m.id).files[0];
    assert.equal((await official.request('GET', `/api/supervision/lists/entries/${ids.q3black}/files/${file.id}`)).status, 200);
    await expectRefused(env.kernel, LIST_TABLES, () => manager.upload(`/api/supervision/lists/measures/${m.id}/plan`, { note: '再交一次' }, [pdfFile(8)]), 409, 'PLAN_SUBMITTED');
  });
});

describe('an upheld appeal (the other street)', () => {
  test('邻街物业 C appeals, the street upholds: off the public black list, shown removed with the decision; no measure after', async () => {
    const p = await publishList(ctx.zofficial, { streetId: w.places.S2, period: '2026-Q3' });
    const [entry] = await entries(p.id);
    assert.deepEqual([entry!.company_name, entry!.list, entry!.grade], ['邻街物业', 'black', 'C']);
    const { id: appealId } = await appealEntry(ctx.zmanager, entry!.id, { reasons: '扣分记录有误' }, []);
    // While the appeal is pending, no measure: it may take the entry off the list.
    await assert.rejects(
      () => import('./use-cases/record-measure.ts').then((m) => m.recordMeasure(ctx.zofficial, entry!.id, { kind: 'interview', interviewOn: '2026-11-23', attendees: '企业负责人' })),
      (e: { code?: string }) => e.code === 'APPEAL_PENDING',
    );
    const page = await listPublicPayload(env.kernel, p.id, 'zh-CN');
    assert.deepEqual(page!.sections.find((s) => s.kind === 'table' && s.heading === '黑榜'), { kind: 'table', heading: '黑榜', columns: ['物业服务企业', '信用等级', '信用分', '申诉'], rows: [['邻街物业', 'C', '30.00', '申诉处理中']] });
    await decideAppeal(ctx.zofficial, appealId, { decision: 'upheld', reasons: '经复核，扣分所依据的投诉未经核实，申诉成立。' });
    const after = await listPublicPayload(env.kernel, p.id, 'zh-CN');
    assert.deepEqual((after!.sections.find((s) => s.kind === 'table' && s.heading === '黑榜') as { rows: unknown[] }).rows, []);
    const removed = after!.sections.find((s) => s.kind === 'list') as { items: { title: string; text?: string }[] };
    assert.deepEqual(removed.items.map((i) => [i.title, i.text]), [['邻街物业 · C', '经复核，扣分所依据的投诉未经核实，申诉成立。']]);
    assert.ok(!JSON.stringify(after).includes('zmanager') && !JSON.stringify(after).includes('zofficial'), 'no person on the page');
    await assert.rejects(
      () => import('./use-cases/record-measure.ts').then((m) => m.recordMeasure(ctx.zofficial, entry!.id, { kind: 'interview', interviewOn: '2026-11-23', attendees: '企业负责人' })),
      (e: { code?: string }) => e.code === 'ENTRY_REMOVED',
    );
  });
});

describe('the appeal window (clock-driven)', () => {
  test('on the last day at 23:59 the appeal is taken (and shows as a to-do); the next day at 00:00 another is refused', async () => {
    // A second black entry of 安和物业 published at the same moment as 2026-Q3's: 2026-Q1, same window.
    const q1 = await publishList(ctx.official, { streetId: w.places.S, period: '2026-Q1' });
    const q1black = (await entries(q1.id)).find((e) => e.list === 'black')!.id;
    env.clock.advance(Date.parse('2026-12-02T23:59:00+08:00') - env.clock.now().getTime());
    // Ten days on, the sessions have expired: sign in again.
    official = await signInClient(env.app, 'street_official');
    manager = await signInClient(env.app, 'property_manager');
    const ok = await manager.upload(`/api/supervision/lists/entries/${ids.q3black}/appeal`, { reasons: '逾期系管网改造停工所致' }, [pdfFile(3)]);
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.appeal.status, ok.body.appeal.files.length, ok.body.actions.appeal], ['pending', 1, false]);
    assert.deepEqual((await listsStaffHome(ctx.official)).todos, [{ key: 'supervisionListAppealsToDecide', count: 1, link: '/supervision/lists/appeals?status=pending' }]);
    await expectRefused(env.kernel, LIST_TABLES, () => manager.request('POST', `/api/supervision/lists/entries/${ids.q3black}/appeal`, { reasons: '再次申诉' }), 409, 'ALREADY_APPEALED');
    env.clock.advance(60_000); // 2026-12-03 00:00:00 +08:00
    const err = await expectRefused(
      env.kernel,
      LIST_TABLES,
      () => manager.upload(`/api/supervision/lists/entries/${q1black}/appeal`, { reasons: '逾期系管网改造停工所致' }, [pdfFile(4)]),
      409,
      'APPEAL_WINDOW_CLOSED',
    );
    assert.match(err.message, /2026-12-02/);
    // The street rejects with reasons; the company sees the decision; the to-do is gone.
    const decided = await official.request('POST', `/api/supervision/lists/appeals/${ok.body.appeal.id}/decide`, { decision: 'rejected', reasons: '停工不能作为逾期理由，维持黑榜。' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    const seen = await manager.request('GET', `/api/supervision/lists/entries/${ids.q3black}`);
    assert.deepEqual([seen.body.appeal.status, seen.body.appeal.decisionReasons, seen.body.removedAt], ['rejected', '停工不能作为逾期理由，维持黑榜。', null]);
    assert.equal((await listsStaffHome(ctx.official)).todos?.[0]?.count, 0);
    await expectRefused(env.kernel, LIST_TABLES, () => official.request('POST', `/api/supervision/lists/appeals/${ok.body.appeal.id}/decide`, { decision: 'upheld', reasons: '改判' }), 409, 'APPEAL_DECIDED');
  });
});

describe('sorting', () => {
  test('the entries list sorts by company, grade, list and quarter; the appeals by time, company, quarter and state', async () => {
    const byPeriod = async (period: string) => (await read(env.kernel).selectFrom('sup_list_entries as e').innerJoin('sup_list_publications as p', 'p.id', 'e.publication_id').select(['e.id', 'e.company_name']).where('p.street_id', '=', w.places.S).where('p.period', '=', period).execute());
    const q3 = await byPeriod('2026-Q3');
    const q2 = await byPeriod('2026-Q2');
    const red = q3.find((e) => e.company_name === '红星物业')!.id; // Q3, red, 105.00
    const black = q3.find((e) => e.company_name === '安和物业')!.id; // Q3, black, 77.00
    const shunda = q2.find((e) => e.company_name === '顺达物业')!.id; // Q2, red, 80.00
    await expectSorts(env.kernel, official, `/api/supervision/lists/entries?streetId=${w.places.S}`, EntriesSort, {
      company: [black, red, shunda],
      grade: [black, shunda, red],
      list: [black, red],
      period: [shunda, red],
    });
    // A second appeal: this quarter's list (graded now), 安和物业 appeals at once.
    const q4 = await publishList(ctx.official, { streetId: w.places.S, period: '2026-Q4' });
    const q4black = (await entries(q4.id)).find((e) => e.list === 'black')!.id;
    const pending = (await appealEntry(await ctxFor(env.kernel, w.accounts.property_manager), q4black, { reasons: '有异议' }, [])).id;
    const rejected = (await read(env.kernel).selectFrom('sup_list_appeals').select('id').where('entry_id', '=', ids.q3black).executeTakeFirstOrThrow()).id;
    await expectSorts(env.kernel, official, `/api/supervision/lists/appeals?streetId=${w.places.S}`, AppealsSort, {
      submittedAt: [rejected, pending],
      company: [rejected],
      period: [rejected, pending],
      status: [pending, rejected],
    });
  });
});
