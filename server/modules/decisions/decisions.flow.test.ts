import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countRows, expectRefused, type Session } from '../../test/harness.ts';
import { useWorld } from '../../test/fixture.ts';
import { addOwners } from './decisions.test-world.ts';
import { decisionsDriver } from './decisions.test-driver.ts';
import { runVerifier } from './decisions.test-bundle.ts';
import { cleanPdf, pdfWithEscapedJavaScript } from '../../kernel/files/pdf.test-support.ts';
import { DEFAULT_RULES } from './decisions.constants.ts';

/**
 * A decision from rules to published result through the HTTP API, against the hand-worked roll of
 * decisions.test-world.ts: the roll's heads and area, the notice period, the second approver, ballots with SMS
 * codes (retry, revote, tenant, co-owner), the tally against the law's denominators, who sees choices, the
 * public result and the two spreadsheets.
 */
const { env, w, setUp } = useWorld();
const owners = setUp('the owners of compound A', () => addOwners(w));
const DAY = 24 * 60 * 60_000;
const TABLES = ['dec_rules', 'dec_decisions', 'dec_items', 'dec_roll_entries', 'dec_roll_parts', 'dec_ballots', 'dec_deliveries', 'approvals'];

const { as, advance, lastCode, cookieOf } = decisionsDriver(env, w, owners);

async function vote(s: Session, phone: string, id: string, entryId: string, choices: Record<string, string>, requestKey: string) {
  const sent = await s.request('POST', `/api/me/decisions/${id}/ballot-code`);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  return s.request('POST', `/api/me/decisions/${id}/ballot`, { entryId, choices, code: lastCode(phone), requestKey });
}

describe('an owners’ decision, end to end', () => {
  let decisionId = '';

  test('rules of procedure: drafted, confirmed only by the owners’ committee, then in force', async () => {
    const settings = { ...DEFAULT_RULES, votingDays: { value: 10, clause: '议事规则第十五条' }, revote: { value: false, clause: '议事规则第二十一条' } };
    const committee = await as('owners_committee_member');
    const draft = await committee.request('POST', '/api/decisions/rules', { compoundId: w.places.A, title: '阳光花园业主大会议事规则', settings });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal(draft.body.version, 1);
    const staff = await as('committee_staff');
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', `/api/decisions/rules/${draft.body.id}/confirm`), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/rules/${draft.body.id}/in-force`), 409, 'RULES_NOT_CONFIRMED');
    assert.equal((await committee.request('POST', `/api/decisions/rules/${draft.body.id}/confirm`)).status, 200);
    assert.equal((await committee.request('POST', `/api/decisions/rules/${draft.body.id}/in-force`)).status, 200);
    const list = await committee.request('GET', `/api/decisions/rules?compoundId=${w.places.A}`);
    assert.equal(list.body.items[0].status, 'in_force');
    assert.equal(list.body.items[0].confirmedByName, 'owners_committee_member');
    // 从众 without its clause is refused by the schema (a clause is required on every setting).
    const bad = await committee.request('POST', '/api/decisions/rules', { compoundId: w.places.A, title: 'x', settings: { ...settings, followMajority: { value: true, clause: '' } } });
    assert.equal(bad.status, 400);
  });

  test('a draft, and its roll frozen from the registry: 4 heads, 813.25 m², the developer’s parts as one head', async () => {
    const committee = await as('owners_committee_member');
    const created = await committee.request('POST', '/api/decisions', {
      placeId: w.places.A,
      title: '使用维修资金并续筹',
      organiserKind: 'owners_committee',
      organiserAuthority: '业委会第三次会议决议',
      items: [
        { title: '使用维修资金更换电梯', matter: 5 },
        { title: '续筹维修资金', matter: 6 },
      ],
      scrutineerIds: [w.accounts.grid_worker],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    decisionId = created.body.id;
    const published = await committee.request('POST', `/api/decisions/${decisionId}/roll`);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.deepEqual([published.body.totalHeads, published.body.totalAreaCenti], [owners.totals.heads, owners.totals.areaCenti]);
    const roll = await committee.request('GET', `/api/decisions/${decisionId}/roll?pageSize=50`);
    const developer = roll.body.items.find((e: { kind: string }) => e.kind === 'developer');
    assert.equal(developer.areaCenti, 44375);
    assert.equal(developer.rooms.length, 5);
    const bo = roll.body.items.find((e: { areaCenti: number }) => e.areaCenti === 18000);
    assert.equal(bo.rooms.length, 2, 'one buyer, two parts, one head');
    assert.equal(bo.label, '李**', 'names are masked');
    assert.ok(!JSON.stringify(roll.body).includes('李波波'));
    const pdf = await env.app.inject({ method: 'GET', url: `/api/decisions/${decisionId}/roll.pdf`, headers: await cookieOf('committee_staff') });
    assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 200));
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  test('an item’s documents: a clean PDF kept and read by an owner on the roll; a PDF with JavaScript refused', async () => {
    const staff = await as('committee_staff');
    const upload = (pdf: Buffer, name: string) => {
      const boundary = '----gz-decisions';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/pdf\r\n\r\n`),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return cookieOf('committee_staff').then((h) =>
        env.app.inject({ method: 'POST', url: `/api/decisions/${decisionId}/items/1/attachments`, headers: { ...h, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body }),
      );
    };
    const ok = await upload(await cleanPdf(), '电梯更换报价.pdf');
    assert.equal(ok.statusCode, 201, ok.body);
    const bad = await upload(pdfWithEscapedJavaScript(), 'quote.pdf');
    assert.equal(bad.statusCode, 400, bad.body);
    const d = await staff.request('GET', `/api/decisions/${decisionId}`);
    assert.deepEqual(d.body.items[0].attachments.map((a: { name: string }) => a.name), ['电梯更换报价.pdf']);
    assert.ok(!JSON.stringify(d.body).includes(ok.json().key ?? 'no-key-here'), 'the store’s key stays on the server');
    const owner = await env.app.inject({ method: 'GET', url: `/api/me/decisions/${decisionId}/attachments/${ok.json().id}`, headers: await cookieOf('13800000001') });
    assert.equal(owner.statusCode, 200);
    assert.equal(owner.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(String(owner.headers['content-disposition']), /attachment/);
  });

  test('opening waits for the notice period, then needs a second, different approver', async () => {
    const committee = await as('owners_committee_member');
    const early = await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${decisionId}/open`, { confirm: true }), 409, 'NOTICE_PERIOD');
    assert.match(early.message, /15/);
    advance(15 * DAY);
    const again = await as('owners_committee_member');
    const asked = await again.request('POST', `/api/decisions/${decisionId}/open`, { confirm: true });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    await expectRefused(env.kernel, TABLES, () => again.request('POST', `/api/decisions/${decisionId}/open`, { confirm: true }), 409, 'APPROVAL_PENDING');
    await expectRefused(env.kernel, ['dec_decisions'], () => again.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {}), 403, 'APPROVAL_SELF');
    const approver = await as('committee_staff');
    const approved = await approver.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const d = await approver.request('GET', `/api/decisions/${decisionId}`);
    assert.equal(d.body.status, 'open');
    assert.equal(d.body.rules.frozen, true);
    assert.equal(d.body.rules.settings.votingDays.value, 10);
    assert.equal(new Date(d.body.closesAt).getTime() - new Date(d.body.opensAt).getTime(), 10 * DAY);
  });

  test('扫楼: the owners who have not voted are the roll minus the voters, by building; a visit is recorded', async () => {
    const committee = await as('owners_committee_member');
    const before = await committee.request('GET', `/api/decisions/${decisionId}/canvass`);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    // The three owners' heads (the developer votes on paper, not on anyone's doorstep).
    assert.equal(before.body.total, 3);
    const building3 = before.body.buildings.find((b: { building: string }) => b.building === '3栋');
    assert.deepEqual([building3.heads, building3.votedHeads, Number(building3.areaCenti)], [3, 0, 45525]);
    const bo = before.body.items.find((e: { areaCenti: number }) => e.areaCenti === 18000);
    const visit = await committee.request('POST', `/api/decisions/${decisionId}/canvass/${bo.id}/visits`, { outcome: 'will_vote_online', note: '晚上再投' });
    assert.equal(visit.status, 201, JSON.stringify(visit.body));
    const only3 = await committee.request('GET', `/api/decisions/${decisionId}/canvass?building=3栋`);
    assert.deepEqual(only3.body.items.map((e: { id: string }) => e.id).sort(), before.body.items.filter((e: { rooms: string[] }) => e.rooms.some((r) => r.startsWith('3栋'))).map((e: { id: string }) => e.id).sort());
    assert.equal(only3.body.items.find((e: { id: string }) => e.id === bo.id).lastVisit.outcome, 'will_vote_online');
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${decisionId}/canvass/${decisionId}/visits`, { outcome: 'away' }), 404, 'ENTRY_NOT_FOUND');
    assert.equal((await (await as('property_manager')).request('GET', `/api/decisions/${decisionId}/canvass`)).status, 404);
  });

  test('owners vote with an SMS code: a retry records one ballot, a revote is refused under these rules, tenants and non-representatives cannot vote', async () => {
    const alice = await as('13800000001');
    const mine = await alice.request('GET', `/api/me/decisions/${decisionId}`);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const entry = mine.body.entries[0];
    assert.equal(entry.canVote, true);
    const opened = await alice.request('POST', `/api/me/decisions/${decisionId}/opened`);
    assert.equal(opened.body.recorded, 1, JSON.stringify(opened.body));
    const first = await vote(alice, '13800000001', decisionId, entry.id, { 1: 'for', 2: 'for' }, 'alice-key-0001');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    // The same request again (a lost answer, a double tap): the recorded ballot, not a second one.
    const retry = await alice.request('POST', `/api/me/decisions/${decisionId}/ballot`, { entryId: entry.id, choices: { 1: 'for', 2: 'for' }, code: '000000', requestKey: 'alice-key-0001' });
    assert.equal(retry.status, 201);
    assert.equal(retry.body.id, first.body.id);
    assert.deepEqual(await countRows(env.kernel, ['dec_ballots']), { dec_ballots: 1 });
    advance(61_000);
    const revote = await vote(alice, '13800000001', decisionId, entry.id, { 1: 'against', 2: 'against' }, 'alice-key-0002');
    assert.equal(revote.status, 409);
    assert.equal(revote.body.error.code, 'REVOTE_NOT_ALLOWED');

    const tom = await as(owners.logins.tom.phone);
    const tenant = await tom.request('POST', `/api/me/decisions/${decisionId}/ballot-code`);
    assert.equal(tenant.status, 403);
    assert.equal(tenant.body.error.code, 'NOT_AN_OWNER');
    const dai = await as(owners.logins.dai.phone);
    const daiView = await dai.request('GET', `/api/me/decisions/${decisionId}`);
    assert.equal(daiView.body.entries[0].canVote, false, 'a co-owner who is not the representative');
    const refused = await dai.request('POST', `/api/me/decisions/${decisionId}/ballot`, { entryId: daiView.body.entries[0].id, choices: { 1: 'for', 2: 'for' }, code: '123456', requestKey: 'dai-key-00001' });
    assert.equal(refused.body.error.code, 'NOT_REPRESENTATIVE');

    const bo = await as(owners.logins.bo.phone);
    const boEntry = (await bo.request('GET', `/api/me/decisions/${decisionId}`)).body.entries[0];
    assert.equal((await vote(bo, owners.logins.bo.phone, decisionId, boEntry.id, { 1: 'for', 2: 'against' }, 'bo-key-000001')).status, 201);
    const cai = await as(owners.logins.cai.phone);
    const caiEntry = (await cai.request('GET', `/api/me/decisions/${decisionId}`)).body.entries[0];
    const incomplete = await cai.request('POST', `/api/me/decisions/${decisionId}/ballot`, { entryId: caiEntry.id, choices: { 1: 'for' }, code: '123456', requestKey: 'cai-key-00001' });
    assert.equal(incomplete.body.error.code, 'CHOICES_INCOMPLETE');
    assert.equal((await vote(cai, owners.logins.cai.phone, decisionId, caiEntry.id, { 1: 'abstain', 2: 'for' }, 'cai-key-00002')).status, 201);
  });

  test('live progress counts against the roll’s totals; closing early is refused while someone has not voted', async () => {
    const committee = await as('owners_committee_member');
    const d = await committee.request('GET', `/api/decisions/${decisionId}`);
    // alice 8950 + 波 18000 + 蔡/戴 10000: 3 of 4 heads, 36950 of 81325.
    assert.deepEqual(d.body.progress.participating, { heads: 3, areaCenti: 36950 });
    assert.deepEqual(d.body.progress.quorum, { heads: 3, areaCenti: 54217 });
    const canvass = await committee.request('GET', `/api/decisions/${decisionId}/canvass`);
    assert.equal(canvass.body.total, 0, 'every owner’s head has voted: nobody left to visit');
    assert.equal(d.body.can.close, false);
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${decisionId}/close`, { confirm: true }), 409, 'VOTING_NOT_OVER');
    // These rules allow no extension.
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${decisionId}/extend`, { days: 3, reason: '参与不足' }), 409, 'EXTENSION_NOT_ALLOWED');
  });

  test('closed after the period by a second approver: the developer’s area keeps the quorum out of reach', async () => {
    advance(10 * DAY);
    const committee = await as('owners_committee_member');
    const late = await (await as('13800000001')).request('POST', `/api/me/decisions/${decisionId}/ballot-code`);
    assert.equal(late.body.error.code, 'VOTING_CLOSED');
    const asked = await committee.request('POST', `/api/decisions/${decisionId}/close`, { confirm: true });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const approved = await (await as('street_official')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {});
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const d = await committee.request('GET', `/api/decisions/${decisionId}`);
    assert.equal(d.body.status, 'closed');
    const [fund, raise] = d.body.result.items;
    // 3 of 4 heads took part (≥ ⅔), but 36950 of 81325 m²·100 is short of ⅔: neither item passes.
    assert.deepEqual(fund.quorum, { area: false, heads: true, met: false });
    assert.deepEqual(fund.for, { heads: 2, areaCenti: 26950 });
    assert.deepEqual(fund.abstain, { heads: 1, areaCenti: 10000 });
    assert.deepEqual(raise.for, { heads: 2, areaCenti: 18950 });
    assert.deepEqual(raise.against, { heads: 1, areaCenti: 18000 });
    assert.equal(fund.passed || raise.passed, false);
    assert.equal(d.body.result.adjusted, null, 'no 从众 in these rules');
  });

  test('who sees the choices: the owners’ committee, the street and the named scrutineer; never the property company', async () => {
    const expect = { owners_committee_member: 200, street_official: 200, grid_worker: 200, committee_staff: 403, property_manager: 404, property_staff: 404 } as const;
    for (const [login, status] of Object.entries(expect)) {
      const res = await (await as(login)).request('GET', `/api/decisions/${decisionId}/ballots`);
      assert.equal(res.status, status, `${login}: ${JSON.stringify(res.body)}`);
      if (status === 200) assert.equal(res.body.rows.find((r: { owners: string[] }) => r.owners.includes('李波波')).choices['2'], 'against');
    }
    const xlsx = await env.app.inject({ method: 'GET', url: `/api/decisions/${decisionId}/ballots.xlsx`, headers: await cookieOf('owners_committee_member') });
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const audit = await env.kernel.db.selectFrom('audit_log').select('action').where('action', '=', 'decisions.choices.exported').execute();
    assert.equal(audit.length, 1, 'the export of choices is audited');
  });

  test('published: the public result shows counts and no names; the 公示 PDF and the summary download', async () => {
    const committee = await as('owners_committee_member');
    assert.equal((await committee.request('POST', `/api/decisions/${decisionId}/publish`, { confirm: true })).status, 200);
    const page = await env.app.inject({ method: 'GET', url: `/api/public/decisions.result/${decisionId}` });
    assert.equal(page.statusCode, 200, page.body);
    assert.ok(page.body.includes('使用维修资金更换电梯'));
    for (const name of ['王丽', '李波波', '蔡明', '戴琳', '李**']) assert.ok(!page.body.includes(name), name);
    const pdf = await env.app.inject({ method: 'GET', url: `/api/public/decisions.result/${decisionId}/print.pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const summary = await env.app.inject({ method: 'GET', url: `/api/decisions/${decisionId}/summary.xlsx`, headers: await cookieOf('committee_staff') });
    assert.equal(summary.statusCode, 200);
    assert.equal(summary.rawPayload.subarray(0, 2).toString(), 'PK');
    const mine = await (await as('13800000001')).request('GET', `/api/me/decisions/${decisionId}`);
    assert.equal(mine.body.result.items.length, 2);
    assert.equal(mine.body.ballots[0].status, 'counted');
  });

  test('the independent verifier, in its own process, agrees with the server on the exported bundle; an edited choice fails naming its receipt', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/decisions/${decisionId}/bundle.json`, headers: await cookieOf('owners_committee_member') });
    assert.equal(res.statusCode, 200, res.body);
    const bundle = res.json();
    const ok = await runVerifier(bundle);
    assert.deepEqual([ok.code, ok.result.ok, ok.result.problems], [0, true, []]);
    assert.deepEqual(ok.result.checked, { roll: true, manifest: true, receipts: true, chain: true, heads: true, tally: true });
    const edited = structuredClone(bundle);
    const counted = edited.ballots.find((b: { status: string }) => b.status === 'counted');
    counted.choices['1'] = counted.choices['1'] === 'for' ? 'against' : 'for';
    const bad = await runVerifier(edited);
    assert.equal(bad.code, 1);
    assert.ok(bad.result.problems.some((p: { receipt?: string }) => p.receipt === counted.receipt), JSON.stringify(bad.result.problems));
    const publicOne = await runVerifier((await env.app.inject({ method: 'GET', url: `/api/board/decisions/${decisionId}/bundle.json` })).json());
    assert.deepEqual([publicOne.code, publicOne.result.ok], [0, true], JSON.stringify(publicOne.result.problems));
  });

  test('my data holds my ballot and not a neighbour’s; closing my account keeps the ballot, pseudonymised', async () => {
    const alice = await as('13800000001');
    const res = await env.app.inject({ method: 'GET', url: '/api/me/personal-data.xlsx', headers: await cookieOf('13800000001') });
    assert.equal(res.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('业主表决')!;
    const rows = sheet.getSheetValues().filter(Boolean).slice(1) as unknown[][];
    assert.equal(rows.length, 1, 'one ballot: mine');
    assert.match(String(rows[0]![4]), /1: 同意；2: 同意/);
    const closed = await alice.request('POST', '/api/me/close-account', { confirm: true });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const ballots = await env.kernel.db.selectFrom('dec_ballots' as never).select(['account_id' as never, 'status' as never]).execute();
    assert.equal(ballots.length, 3, 'every ballot kept');
    const account = await env.kernel.db.selectFrom('accounts').select(['display_name', 'phone_hash']).where('id', '=', w.accounts.resident).executeTakeFirstOrThrow();
    assert.deepEqual([account.display_name, account.phone_hash], ['已注销用户', null]);
  });
});

describe('a change of ballot where the rules allow it', () => {
  test('the later ballot counts; the earlier stays, marked superseded and pointing at it', async () => {
    const committee = await as('owners_committee_member');
    const rules = { ...DEFAULT_RULES, revote: { value: true, clause: '议事规则（修订）第二十一条' }, extensionDays: { value: 7, clause: '议事规则（修订）第十六条' } };
    const v2 = await committee.request('POST', '/api/decisions/rules', { compoundId: w.places.A, title: '议事规则（修订）', settings: rules });
    await committee.request('POST', `/api/decisions/rules/${v2.body.id}/confirm`);
    await committee.request('POST', `/api/decisions/rules/${v2.body.id}/in-force`);
    const building = (await env.kernel.db.selectFrom('places').select('parent_id').where('id', '=', owners.rooms.r301).executeTakeFirstOrThrow()).parent_id!;
    const scope = (await env.kernel.db.selectFrom('places').select('parent_id').where('id', '=', building).executeTakeFirstOrThrow()).parent_id!;
    const created = await committee.request('POST', '/api/decisions', {
      placeId: scope,
      title: '3栋外墙维修',
      organiserKind: 'owners_committee',
      organiserAuthority: '业委会决议',
      items: [{ title: '使用维修资金维修3栋外墙', matter: 5 }],
    });
    const id = created.body.id;
    const roll = await committee.request('POST', `/api/decisions/${id}/roll`);
    // 3栋: 波 (301+302), 蔡/戴 (303), the developer (304 unsold, 305 undelivered).
    assert.deepEqual([roll.body.totalHeads, roll.body.totalAreaCenti], [3, 45525]);
    advance(15 * DAY);
    const asked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/open`, { confirm: true });
    assert.equal((await (await as('committee_staff')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
    const bo = await as(owners.logins.bo.phone);
    const entry = (await bo.request('GET', `/api/me/decisions/${id}`)).body.entries[0];
    const first = await vote(bo, owners.logins.bo.phone, id, entry.id, { 1: 'against' }, 'bo-change-0001');
    assert.equal(first.status, 201);
    advance(61_000);
    const bo2 = await as(owners.logins.bo.phone);
    const second = await vote(bo2, owners.logins.bo.phone, id, entry.id, { 1: 'for' }, 'bo-change-0002');
    assert.equal(second.status, 201, JSON.stringify(second.body));
    const rows = await env.kernel.db.selectFrom('dec_ballots' as never).selectAll().where('decision_id' as never, '=', id as never).execute() as { id: string; status: string; superseded_by: string | null }[];
    assert.equal(rows.length, 2, 'nothing deleted');
    const earlier = rows.find((r) => r.id === first.body.id)!;
    assert.deepEqual([earlier.status, earlier.superseded_by], ['superseded', second.body.id]);
    const d = await (await as('owners_committee_member')).request('GET', `/api/decisions/${id}`);
    assert.deepEqual(d.body.progress.participating, { heads: 1, areaCenti: 18000 }, 'one head, counted once');
    const mine = (await bo2.request('GET', `/api/me/decisions/${id}`)).body;
    assert.deepEqual(mine.ballots.map((b: { status: string }) => b.status), ['counted', 'superseded']);
    // Extended once, within the rules' seven days.
    const organiser = await as('owners_committee_member');
    await expectRefused(env.kernel, TABLES, () => organiser.request('POST', `/api/decisions/${id}/extend`, { days: 8, reason: '参与不足' }), 400, 'EXTENSION_TOO_LONG');
    const before = Date.parse(d.body.closesAt);
    const extended = await organiser.request('POST', `/api/decisions/${id}/extend`, { days: 7, reason: '参与不足' });
    assert.equal(Date.parse(extended.body.closesAt) - before, 7 * DAY);
    await expectRefused(env.kernel, TABLES, () => organiser.request('POST', `/api/decisions/${id}/extend`, { days: 1, reason: '再次' }), 409, 'EXTENSION_NOT_ALLOWED');
  });
});

describe('merging two roll entries that are one owner', () => {
  test('the kept entry takes the parts and area, the heads drop by one, the developer’s entry cannot be merged', async () => {
    const committee = await as('owners_committee_member');
    const created = await committee.request('POST', '/api/decisions', {
      placeId: w.places.A,
      title: '修改管理规约',
      organiserKind: 'owners_committee',
      organiserAuthority: '业委会决议',
      items: [{ title: '修改管理规约', matter: 2 }],
    });
    const id = created.body.id;
    await committee.request('POST', `/api/decisions/${id}/roll`);
    const roll = (await committee.request('GET', `/api/decisions/${id}/roll?pageSize=50`)).body.items as { id: string; kind: string; areaCenti: number }[];
    const alice = roll.find((e) => e.areaCenti === 8950)!;
    const bo = roll.find((e) => e.areaCenti === 18000)!;
    const developer = roll.find((e) => e.kind === 'developer')!;
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${id}/roll/merge`, { keepId: alice.id, mergeId: developer.id }), 400, 'MERGE_INVALID');
    const merged = await committee.request('POST', `/api/decisions/${id}/roll/merge`, { keepId: alice.id, mergeId: bo.id });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    assert.deepEqual([merged.body.totalHeads, merged.body.rollVersion], [3, 2]);
    const after = (await committee.request('GET', `/api/decisions/${id}/roll?pageSize=50`)).body;
    assert.equal(after.total, 3);
    assert.equal(after.items.find((e: { id: string }) => e.id === alice.id).areaCenti, 26950);
    assert.equal(after.totals.heads, 3);
    assert.equal(after.totals.areaCenti, owners.totals.areaCenti, 'the area stays whole');
  });
});
