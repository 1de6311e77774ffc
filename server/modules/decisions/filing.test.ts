import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { createAccount, grantRole } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { canonicalJson, sha256 } from '../../kernel/audit/audit.ts';
import { chinaDay } from '../../kernel/clock.ts';
import { write } from '../../kernel/context.ts';
import { cleanPdf } from '../../kernel/files/pdf.test-support.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused, signIn } from '../../test/harness.ts';
import { expectSorts, sortTime } from '../../test/sorting.ts';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { newId } from '../../kernel/ids.ts';
import { FilingsSort } from './filing.schemas.ts';
import { createDecision } from './use-cases/create-decision.ts';
import { DEFAULT_RULES } from './decisions.constants.ts';
import { decisionsDriver } from './decisions.test-driver.ts';
import { addOwners } from './decisions.test-world.ts';
import { dueOn } from './use-cases/open-filings.ts';

/**
 * Filing (备案, issue 16 §3) through the HTTP API, on votes run from roll to published result on the owners of
 * decisions.test-world.ts: which results open filings (elections always, a general decision only when its rules list
 * its matter), the due day, overdue by the clock (not on the due day, yes the day after), the owners' committee's
 * submission with its minutes, each office acknowledging or returning only its own, the corrected resubmission, the
 * staff home's flags and the compound's public page.
 */
const { env, w, setUp } = useWorld();
const owners = setUp('the owners of compound A', () => addOwners(w));
const DAY = 24 * 60 * 60_000;
const TABLES = ['dec_filings', 'dec_filing_events', 'audit_log', 'notify_batches'];
const driver = decisionsDriver(env, w, owners);
const { as, advance, postForm, cookieOf, openDecision, open, putRulesInForce } = driver;

type Filing = { id: string; office: string; status: string; dueOn: string; version: number; overdue: boolean; packageHash: string | null; events: { action: string; version: number; note: string; packageHash: string | null }[] };
const filingsOf = async (id: string, login = 'owners_committee_member') => {
  const r = await (await as(login)).request('GET', `/api/decisions/${id}/filings`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.items as Filing[];
};
const db = () => env.kernel.db;
const fileHash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Runs decisions from their roll to the published result: opened (after the notice period), closed after the period by a second approver, published. */
async function publish(ids: string[]) {
  for (const id of ids) await open(id);
  advance(16 * DAY);
  for (const id of ids) {
    const asked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/close`, { confirm: true });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    assert.equal((await (await as('committee_staff')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
  }
  for (const id of ids) assert.equal((await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/publish`, { confirm: true })).status, 200);
}
let minutes: Buffer;
const submit = async (login: string, decisionId: string, filingId: string, note: string, file: Buffer | null = minutes) =>
  file
    ? postForm(login, `/api/decisions/${decisionId}/filings/${filingId}/submit`, { note }, { field: 'minutes', name: '业委会会议记录.pdf', type: 'application/pdf', content: file })
    : postFormWithoutFile(login, `/api/decisions/${decisionId}/filings/${filingId}/submit`, { note });

async function postFormWithoutFile(login: string, url: string, fields: Record<string, string>) {
  const boundary = '----gz-filing';
  const body = Buffer.concat([...Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)), Buffer.from(`--${boundary}--\r\n`)]);
  const res = await env.app.inject({ method: 'POST', url, headers: { ...(await cookieOf(login)), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  return { status: res.statusCode, body: res.json() };
}

/** An election at compound A with one candidate vetted by the street's one department and on the ballot, its roll published. */
async function readyElection(title: string) {
  const street = await as('street_official');
  const dept = await street.request('POST', '/api/decisions/vetting/departments', { streetId: w.places.S, name: '街道党工委', kind: 'party_committee', reviewerAccountIds: [w.accounts.department_reviewer] });
  assert.equal(dept.status, 201, JSON.stringify(dept.body));
  const committee = await as('owners_committee_member');
  const created = await committee.request('POST', '/api/decisions/elections', { compoundId: w.places.A, title, organiserKind: 'owners_committee', organiserAuthority: '业主大会筹备组决定' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id as string;
  const candidate = await committee.request('POST', `/api/decisions/${id}/candidates`, { name: '候选人甲', roomLabel: '1栋101', partyMember: true, nomination: 'party_org', statement: '愿为业主服务' });
  assert.equal(candidate.status, 201, JSON.stringify(candidate.body));
  assert.equal((await committee.request('POST', `/api/decisions/${id}/candidates/${candidate.body.id}/consent`, { note: '已签署授权书' })).status, 200);
  const verdict = await (await as('department_reviewer')).request('POST', `/api/decisions/${id}/candidates/${candidate.body.id}/verdicts`, { departmentId: dept.body.id, verdict: 'approve' });
  assert.equal(verdict.status, 201, JSON.stringify(verdict.body));
  assert.equal((await committee.request('POST', `/api/decisions/${id}/candidates/ballot`)).status, 200);
  assert.equal((await committee.request('POST', `/api/decisions/${id}/roll`)).status, 200);
  return id;
}

/** Sessions made before a refusal is counted: a sign-in is audited, a refusal must not be. */
async function signInFirst(logins: string[]) {
  for (const login of logins) {
    await as(login);
    await cookieOf(login);
  }
}

/** Officials of the neighbouring street S2: outside compound A's place. */
setUp('officials of street S2', async () => {
  const passwordHash = await hashPassword(PASSWORD);
  await write(w.ctx, async (tx) => {
    for (const [login, role] of [
      ['zofficial', 'street_official'],
      ['zreviewer', 'department_reviewer'],
    ] as const) {
      const id = await createAccount(tx, env.kernel.pii, { username: login, displayName: login, password: PASSWORD, passwordHash });
      await grantRole(tx, id, role, w.places.S2);
    }
  });
  return {};
});

describe('filing (备案)', () => {
  let general = '';
  let election = '';
  let listed = '';
  let publishedAt = new Date();

  test('under the default rules an election is filed with both offices, a general decision is not', async () => {
    minutes = await cleanPdf();
    general = (await openDecision('3栋外墙维修（不备案）')).id;
    election = await readyElection('第二届业主委员会选举');
    await publish([general, election]);
    publishedAt = env.clock.now();
    assert.deepEqual(await filingsOf(general), []);
    const filings = await filingsOf(election);
    assert.deepEqual(filings.map((f) => [f.office, f.status, f.version]).sort(), [
      ['district_housing', 'pending', 0],
      ['street_office', 'pending', 0],
    ]);
    // Due 30 days (DEFAULT_RULES) after the day of publication in China.
    const due = dueOn(publishedAt, DEFAULT_RULES.filing.value.days);
    assert.ok(filings.every((f) => f.dueOn === due));
    assert.equal(Date.parse(`${due}T00:00:00Z`) - Date.parse(`${chinaDay(publishedAt)}T00:00:00Z`), 30 * DAY);
    const audit = await db().selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'decisions.filings.opened').execute();
    assert.deepEqual(audit.map((a) => a.subject_id), [election]);
  });

  test('the due day is the calendar day in China: a result published at 23:30 on a day is due from that day, not the next', () => {
    // 2026-11-30T15:30Z is 23:30 on 30 November in Shanghai; 16:30Z is already 1 December there.
    assert.equal(dueOn(new Date('2026-11-30T15:30:00Z'), 30), '2026-12-30');
    assert.equal(dueOn(new Date('2026-11-30T16:30:00Z'), 30), '2026-12-31');
    assert.equal(dueOn(new Date('2026-12-31T12:00:00Z'), 1), '2027-01-01');
  });

  test('submission without minutes is refused with nothing written; only the owners’ committee submits', async () => {
    const [street] = (await filingsOf(election)).filter((f) => f.office === 'street_office');
    await signInFirst(['owners_committee_member', 'street_official', 'committee_staff', 'property_manager']);
    await expectRefused(env.kernel, TABLES, () => submit('owners_committee_member', election, street!.id, '无附件', null), 400, 'MINUTES_REQUIRED');
    await expectRefused(env.kernel, TABLES, () => submit('street_official', election, street!.id, '代交'), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => submit('committee_staff', election, street!.id, '代交'), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => submit('property_manager', election, street!.id, '代交'), 404, 'FILING_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => submit('owners_committee_member', general, street!.id, '错配'), 404, 'FILING_NOT_FOUND');
  });

  test('submitted: version 1, the package built and hashed by the server, the office told', async () => {
    for (const f of await filingsOf(election)) {
      const r = await submit('owners_committee_member', election, f.id, '第一次提交');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.version, 1);
    }
    const [street] = (await filingsOf(election)).filter((f) => f.office === 'street_office');
    assert.equal(street!.status, 'submitted');
    const detail = await (await as('street_official')).request('GET', `/api/filings/${street!.id}`);
    assert.equal(detail.status, 200, JSON.stringify(detail.body));
    const pkg = detail.body.package;
    assert.equal(detail.body.packageHash, sha256(canonicalJson(pkg)), 'the hash is over the package’s canonical JSON');
    assert.equal(pkg.decision.id, election);
    const d = (await (await as('street_official')).request('GET', `/api/decisions/${election}`)).body;
    assert.deepEqual(pkg.roll.totals, { heads: d.totals.heads, areaCenti: Number(d.totals.areaCenti) }, 'the frozen roll’s totals (compound A: 4 heads, 813.25 m²)');
    assert.deepEqual(pkg.roll.totals, { heads: 4, areaCenti: 81325 });
    assert.match(pkg.roll.hash, /^[0-9a-f]{64}$/);
    assert.match(pkg.evidenceBundleHash, /^[0-9a-f]{64}$/);
    assert.ok(pkg.result?.items, 'the published tally');
    assert.ok(pkg.rules?.settings, 'the rules copy the decision ran under');
    assert.equal(pkg.minutes.sha256, fileHash(minutes));
    // Nobody voted, so nobody was elected: the members are the election's own (elections.test.ts fills them).
    assert.deepEqual(pkg.members, [], 'an election carries its members with their vetting');
    assert.deepEqual(detail.body.can, { submit: false, acknowledge: true, return: true });
    const dl = await env.app.inject({ method: 'GET', url: `/api/filings/${street!.id}/minutes`, headers: await cookieOf('street_official') });
    assert.equal(dl.statusCode, 200);
    assert.equal(fileHash(dl.rawPayload), fileHash(minutes));
    const told = await db().selectFrom('notify_batches').select('template').where('template', '=', 'decisions.filing_submitted').execute();
    assert.equal(told.length, 2);
    await expectRefused(env.kernel, TABLES, () => submit('owners_committee_member', election, street!.id, '重复提交'), 409, 'FILING_WRONG_STATUS');
  });

  test('access per office: each office acknowledges or returns only its own; others 403, outside the place 404', async () => {
    const filings = await filingsOf(election);
    const street = filings.find((f) => f.office === 'street_office')!;
    const housing = filings.find((f) => f.office === 'district_housing')!;
    const expectations: [string, string, number, string][] = [
      ['department_reviewer', street.id, 404, 'FILING_NOT_FOUND'],
      ['street_official', housing.id, 403, 'FORBIDDEN'],
      ['owners_committee_member', street.id, 403, 'FORBIDDEN'],
      ['committee_staff', housing.id, 403, 'FORBIDDEN'],
      ['platform_admin', street.id, 403, 'FORBIDDEN'],
      ['property_manager', street.id, 404, 'FILING_NOT_FOUND'],
      ['grid_worker', housing.id, 404, 'FILING_NOT_FOUND'],
      ['zofficial', street.id, 404, 'FILING_NOT_FOUND'],
      ['zreviewer', housing.id, 404, 'FILING_NOT_FOUND'],
    ];
    await signInFirst(expectations.map(([login]) => login));
    for (const [login, id, status, code] of expectations) {
      await expectRefused(env.kernel, TABLES, async () => (await as(login)).request('POST', `/api/filings/${id}/acknowledge`, {}), status, code);
      await expectRefused(env.kernel, TABLES, async () => (await as(login)).request('POST', `/api/filings/${id}/return`, { reason: '材料不全' }), status, code);
    }
    // Reading: the street both (it watches the filing on time), the housing department its own; the committee and the administrator both; the neighbouring street neither.
    const reads: [string, number, number][] = [
      ['street_official', 200, 200],
      ['department_reviewer', 404, 200],
      ['owners_committee_member', 200, 200],
      ['platform_admin', 200, 200],
      ['property_manager', 404, 404],
      ['zofficial', 404, 404],
    ];
    for (const [login, s, h] of reads) {
      const session = await as(login);
      assert.equal((await session.request('GET', `/api/filings/${street.id}`)).status, s, `${login} reads the street office's`);
      assert.equal((await session.request('GET', `/api/filings/${housing.id}`)).status, h, `${login} reads the housing department's`);
    }
    const inbox = async (login: string) => ((await (await as(login)).request('GET', '/api/filings?pageSize=50')).body.items as { id: string }[]).map((f) => f.id);
    assert.ok((await inbox('street_official')).includes(street.id) && (await inbox('street_official')).includes(housing.id), 'the street watches both');
    assert.ok((await inbox('department_reviewer')).includes(housing.id) && !(await inbox('department_reviewer')).includes(street.id));
    assert.deepEqual(await inbox('zreviewer'), []);
    // The workbench's scope: a place narrows the list; a place outside the actor's answers 404 like one that does not exist.
    const official = await as('street_official');
    assert.equal((await official.request('GET', `/api/filings?placeId=${w.places.A}`)).body.total, 2);
    assert.equal((await official.request('GET', `/api/filings?placeId=${w.places.B}`)).body.total, 0);
    assert.equal((await official.request('GET', `/api/filings?placeId=${w.places.Z}`)).status, 404);
    // The receivers' home: the package waiting for their office.
    const todo = async (login: string, key: string) => ((await (await as(login)).request('GET', '/api/me/workbench')).body.todos as { key: string; count: number }[]).find((t) => t.key === key)?.count;
    assert.equal(await todo('street_official', 'filingsToReviewStreet'), 1);
    assert.equal(await todo('department_reviewer', 'filingsToReviewHousing'), 1);
    assert.equal(await todo('department_reviewer', 'filingsToReviewStreet'), undefined);
  });

  test('returned with a reason, corrected and resubmitted: version 2, the history kept; then acknowledged', async () => {
    const street = (await filingsOf(election)).find((f) => f.office === 'street_office')!;
    const official = await as('street_official');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/filings/${street.id}/return`, { reason: ' ' }), 400, 'VALIDATION_FAILED');
    const returned = await official.request('POST', `/api/filings/${street.id}/return`, { reason: '会议记录缺少签名页' });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    assert.ok((await db().selectFrom('notify_batches').select('template').where('template', '=', 'decisions.filing_returned').execute()).length === 1, 'the submitter is told');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/filings/${street.id}/acknowledge`, {}), 409, 'FILING_WRONG_STATUS');
    const signed = Buffer.concat([minutes, Buffer.from('\n% 补签名页\n')]);
    const again = await submit('owners_committee_member', election, street.id, '已补签名页', signed);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.version, 2);
    const after = (await filingsOf(election)).find((f) => f.id === street.id)!;
    assert.deepEqual(after.events.map((e) => [e.action, e.version]), [
      ['submitted', 1],
      ['returned', 1],
      ['submitted', 2],
    ]);
    assert.equal(after.events[1]!.note, '会议记录缺少签名页');
    assert.notEqual(after.events[0]!.packageHash, after.events[2]!.packageHash, 'the corrected package has its own hash');
    assert.equal(after.packageHash, after.events[2]!.packageHash);
    const acked = await (await as('street_official')).request('POST', `/api/filings/${street.id}/acknowledge`, { note: '材料齐全' });
    assert.equal(acked.status, 200, JSON.stringify(acked.body));
    const told = await db().selectFrom('notify_batches' as never).select(['template', 'data'] as never).where('template' as never, 'in', ['decisions.filing_acknowledged', 'decisions.filing_returned'] as never).execute();
    assert.deepEqual((told as { template: string }[]).map((b) => b.template).sort(), ['decisions.filing_acknowledged', 'decisions.filing_returned'], 'the submitter is told of each answer');
    const audit = await db().selectFrom('audit_log').select('action').where('action', 'like', 'decisions.filing.%').execute();
    assert.deepEqual(
      audit.map((a) => a.action).sort(),
      ['decisions.filing.acknowledged', 'decisions.filing.returned', 'decisions.filing.submitted', 'decisions.filing.submitted', 'decisions.filing.submitted'],
    );
  });

  test('a general decision is filed when its rules list its matter, with the offices and days the rules set', async () => {
    await putRulesInForce({ ...DEFAULT_RULES, filing: { value: { matters: [5], offices: ['street_office'], days: 10 }, clause: '议事规则第四十条' } }, '议事规则（备案维修资金事项）');
    listed = (await openDecision('使用维修资金更换3栋水泵')).id;
    await publish([listed]);
    const filings = await filingsOf(listed);
    assert.deepEqual(filings.map((f) => [f.office, f.status]), [['street_office', 'pending']]);
    assert.equal(filings[0]!.dueOn, dueOn(env.clock.now(), 10));
  });

  test('overdue by the clock: not on the due day, yes the day after — and flagged on the street official’s home', async () => {
    const home = async () => ((await (await as('street_official')).request('GET', '/api/me/workbench')).body.todos as { key: string; count: number; link: string }[]).find((t) => t.key === 'filingsOverdue');
    const [f] = await filingsOf(listed);
    advance(9 * DAY);
    assert.equal(chinaDay(env.clock.now()) < f!.dueOn, true);
    assert.equal((await filingsOf(listed))[0]!.overdue, false);
    advance(1 * DAY);
    assert.equal(chinaDay(env.clock.now()), f!.dueOn, 'the due day itself');
    assert.equal((await filingsOf(listed))[0]!.overdue, false, 'not overdue on its due day');
    assert.equal(await home(), undefined);
    advance(1 * DAY);
    assert.equal((await filingsOf(listed))[0]!.overdue, true, 'overdue the day after');
    const todo = await home();
    assert.equal(todo?.count, 1, 'the listed decision’s street-office filing; the election’s are acknowledged or submitted');
    const list = await (await as('street_official')).request('GET', `/api${todo!.link}`);
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].decisionId, listed);
  });

  test('the compound’s public page lists acknowledged filings only', async () => {
    const page = async () => {
      const r = await env.app.inject({ method: 'GET', url: `/api/public/decisions.filings/${w.places.A}` });
      assert.equal(r.statusCode, 200, r.body);
      return r.json() as { sections: { kind: string; items?: { title: string; meta?: string }[] }[] };
    };
    const shown = (await page()).sections[0]!.items!;
    assert.deepEqual(shown.map((i) => i.title), ['第二届业主委员会选举'], 'the acknowledged one; not the housing department’s submitted one, not the pending one');
    assert.match(shown[0]!.meta!, /街道办事处/);
    const body = JSON.stringify(await page());
    assert.ok(!body.includes('使用维修资金更换3栋水泵'), 'a pending filing is not shown');
    const other = await env.app.inject({ method: 'GET', url: `/api/public/decisions.filings/${w.places.S}` });
    assert.equal(other.statusCode, 404, 'a street is no compound');
  });
});

test('the filings list by due day, submission, title and status, both ways; an unknown column → 400', async () => {
  const ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  // Rows built by hand (the decisions are drafts: only the list's order is under test here).
  const rows = [
    { title: '排序2号', status: 'submitted', due: '2027-03-02', submitted: 2 },
    { title: '排序1号', status: 'pending', due: '2027-03-03', submitted: null },
    { title: '排序3号', status: 'acknowledged', due: '2027-03-01', submitted: 1 },
  ] as const;
  const ids: string[] = [];
  for (const r of rows) {
    const d = await createDecision(ctx, { placeId: w.places.A, title: r.title, organiserKind: 'owners_committee', organiserAuthority: '决议', items: [{ title: '修改管理规约', matter: 2 }] });
    const street = (await db().selectFrom('dec_decisions' as never).select('street_id' as never).where('id' as never, '=', d.id as never).executeTakeFirstOrThrow()) as { street_id: string };
    const id = newId();
    const submitted = r.submitted === null ? null : sortTime(r.submitted);
    const filed = submitted ? { version: 1, package: '{}', package_hash: 'a'.repeat(64), minutes_key: 'k', minutes_name: 'm.pdf', minutes_mime: 'application/pdf', minutes_size: 1, submitted_at: submitted } : {};
    await db()
      .insertInto('dec_filings' as never)
      .values({ street_id: street.street_id, id, decision_id: d.id, office: 'street_office', due_on: r.due, status: r.status, created_at: sortTime(0), updated_at: sortTime(0), ...filed } as never)
      .execute();
    ids.push(id);
  }
  const [a, b, c] = ids as [string, string, string];
  await expectSorts(env.kernel, await signIn(env.app, 'street_official'), '/api/filings?q=排序', FilingsSort, {
    dueOn: [c, a, b],
    submittedAt: { asc: [c, a, b], desc: [a, c, b] },
    title: [b, a, c],
    status: [c, b, a],
  });
});
