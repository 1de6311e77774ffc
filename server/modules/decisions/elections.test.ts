import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { grantRole, createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { write } from '../../kernel/context.ts';
import { type Session, expectRefused } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { DEFAULT_RULES } from './decisions.constants.ts';
import { addOwners } from './decisions.test-world.ts';
import { decisionsDriver } from './decisions.test-driver.ts';
import { electionMembers } from './use-cases/election-members.ts';

/**
 * An owners' committee election at compound A through the HTTP API, on the hand-worked roll of
 * decisions.test-world.ts (4 heads, 813.25 m²: 王丽 89.50, 波 180.00, 蔡/戴 100.00, the developer 443.75):
 * the street's vetting departments, nominations and consent, joint vetting with a reject and returns, the ballot of
 * the approved only, opening refused on a stale ballot, the seat cap online and on paper, the result computed by
 * hand, a by-election for the vacancies, the candidate's own view, the report and the members for filing.
 */
const { env, w, setUp } = useWorld();
const owners = setUp('the owners of compound A', () => addOwners(w));
const { as, advance, lastCode, open, putRulesInForce, postForm, cookieOf } = decisionsDriver(env, w, owners);
const VETTING = ['dec_vetting_verdicts', 'dec_candidates', 'dec_vetting_departments'];
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const ALICE = '13800000001';

/** A reviewer of a department in the other street (S2): outside street S altogether. */
const outsider = setUp('a reviewer in street S2', async () => {
  const ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
  const passwordHash = await hashPassword(PASSWORD);
  const id = await write(ctx, async (tx) => {
    const account = await createAccount(tx, env.kernel.pii, { username: 'outsider', displayName: '外街审核人', password: PASSWORD, passwordHash });
    await grantRole(tx, account, 'department_reviewer', w.places.S2);
    return account;
  });
  const now = new Date();
  await env.kernel.db
    .insertInto('dec_vetting_departments' as never)
    .values({ street_id: w.places.S2, id: crypto.randomUUID(), name: '外街派出所', kind: 'police', reviewer_account_ids: [id], position: 0, active: true, created_at: now, updated_at: now } as never)
    .execute();
  return { id };
});

async function vote(s: Session, phone: string, id: string, entryId: string, choices: Record<string, string>, requestKey: string) {
  const sent = await s.request('POST', `/api/me/decisions/${id}/ballot-code`);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  return s.request('POST', `/api/me/decisions/${id}/ballot`, { entryId, choices, code: lastCode(phone), requestKey });
}
/** Item number → choice for candidates 1–6: 'for' those listed, 'against' the rest. */
const marks = (...forNos: number[]) => Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [String(n), forNos.includes(n) ? 'for' : 'against']));

describe("an owners' committee election, end to end", () => {
  let id = '';
  const dept = { party: '', police: '' };
  const cand: Record<string, string> = {};

  test('the street official configures the vetting departments; nobody else may (access matrix)', async () => {
    const street = await as('street_official');
    const party = await street.request('POST', '/api/decisions/vetting/departments', { streetId: w.places.S, name: '街道党工委', kind: 'party_committee', reviewerAccountIds: [w.accounts.department_reviewer] });
    assert.equal(party.status, 201, JSON.stringify(party.body));
    const police = await street.request('POST', '/api/decisions/vetting/departments', { streetId: w.places.S, name: '派出所', kind: 'police', reviewerAccountIds: [w.accounts.committee_staff] });
    assert.equal(police.status, 201, JSON.stringify(police.body));
    dept.party = party.body.id;
    dept.police = police.body.id;
    const body = { streetId: w.places.S, name: '房管所', kind: 'housing', reviewerAccountIds: [] };
    for (const login of ['community_secretary', 'committee_staff', 'owners_committee_member', 'department_reviewer']) {
      await expectRefused(env.kernel, VETTING, async () => (await as(login)).request('POST', '/api/decisions/vetting/departments', body), 403, 'FORBIDDEN');
    }
    await expectRefused(env.kernel, VETTING, async () => (await as('outsider')).request('POST', '/api/decisions/vetting/departments', body), 404, 'PLACE_NOT_FOUND');
    await expectRefused(env.kernel, VETTING, async () => (await as('committee_staff')).request('PATCH', `/api/decisions/vetting/departments/${dept.police}`, { active: false }), 403, 'FORBIDDEN');
    // A reviewer must hold a grant in the street: the outsider (street S2) cannot be named.
    await expectRefused(env.kernel, VETTING, () => street.request('POST', '/api/decisions/vetting/departments', { ...body, reviewerAccountIds: [outsider.id] }), 400, 'REVIEWER_UNKNOWN');
    const list = await (await as('department_reviewer')).request('GET', `/api/decisions/vetting/departments?streetId=${w.places.S}`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.deepEqual(list.body.items.map((d: { name: string }) => d.name), ['街道党工委', '派出所']);
    assert.equal(list.body.can.configure, false);
    const pick = await street.request('GET', `/api/decisions/vetting/reviewer-candidates?streetId=${w.places.S}&q=committee`);
    assert.ok(pick.body.items.some((a: { id: string }) => a.id === w.accounts.committee_staff));
    assert.ok(!pick.body.items.some((a: { id: string }) => a.id === outsider.id));
  });

  test('an election copies the committee settings of the rules in force; candidates are nominated', async () => {
    await putRulesInForce({ ...DEFAULT_RULES, committee: { value: { seats: 5, termYears: 3, alternates: 1, tieBreak: 'lots' }, clause: '议事规则第二十条' } }, '阳光花园议事规则');
    const committee = await as('owners_committee_member');
    const created = await committee.request('POST', '/api/decisions/elections', { compoundId: w.places.A, title: '第二届业主委员会选举', organiserKind: 'owners_committee', organiserAuthority: '业主大会筹备组决定' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    id = created.body.id;
    const e = await committee.request('GET', `/api/decisions/${id}/election`);
    assert.deepEqual([e.body.seats, e.body.alternates, e.body.termYears, e.body.tieBreak, e.body.purpose], [5, 1, 3, 'lots', 'regular']);
    for (const [key, partyMember] of [['c1', true], ['c2', true], ['c3', true], ['c4', false], ['c5', false], ['c6', false], ['c7', false], ['c9', false]] as const) {
      const r = await committee.request('POST', `/api/decisions/${id}/candidates`, { name: `候选人${key}`, roomLabel: `1栋${key}`, partyMember, nomination: 'party_org', statement: '愿为业主服务' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      cand[key] = r.body.id;
    }
    // A joint nomination needs five owners.
    await expectRefused(env.kernel, VETTING, () => committee.request('POST', `/api/decisions/${id}/candidates`, { name: '联名', roomLabel: '2栋', partyMember: false, nomination: 'owners', nominators: [{ name: '甲', room: '1' }] }), 400, 'NOMINATORS_REQUIRED');
    // 王丽 nominates herself as an owner of A-1-101, consenting in the same request.
    const self = await (await as(ALICE)).request('POST', `/api/me/decisions/${id}/candidacy`, { statement: '我是老业主', partyMember: false, consent: true });
    assert.equal(self.status, 201, JSON.stringify(self.body));
    assert.equal(self.body.status, 'vetting');
    cand.alice = self.body.id;
    // A tenant-only person is no owner here.
    await expectRefused(env.kernel, VETTING, async () => (await as('13700000004')).request('POST', `/api/me/decisions/${id}/candidacy`, { statement: 'x', partyMember: false, consent: true }), 403, 'NOT_AN_OWNER_HERE');
  });

  test('vetting without consent is refused and writes nothing', async () => {
    const party = await as('department_reviewer');
    await expectRefused(env.kernel, VETTING, () => party.request('POST', `/api/decisions/${id}/candidates/${cand.c9}/verdicts`, { departmentId: dept.party, verdict: 'approve' }), 409, 'CONSENT_REQUIRED');
  });

  test('joint vetting: consent, verdicts per department; a reject or an open return keeps a candidate off the ballot', async () => {
    const committee = await as('owners_committee_member');
    for (const key of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']) {
      const r = await committee.request('POST', `/api/decisions/${id}/candidates/${cand[key]}/consent`, { note: '已签署授权书' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const party = await as('department_reviewer');
    const police = await as('committee_staff');
    const queue = await party.request('GET', '/api/decisions/vetting/queue?pageSize=50');
    assert.equal(queue.body.total, 8, 'c1–c7 and 王丽 wait for the party committee');
    for (const key of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']) {
      assert.equal((await party.request('POST', `/api/decisions/${id}/candidates/${cand[key]}/verdicts`, { departmentId: dept.party, verdict: 'approve' })).status, 201);
    }
    for (const key of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']) {
      assert.equal((await police.request('POST', `/api/decisions/${id}/candidates/${cand[key]}/verdicts`, { departmentId: dept.police, verdict: 'approve' })).status, 201);
    }
    const rejected = await police.request('POST', `/api/decisions/${id}/candidates/${cand.c7}/verdicts`, { departmentId: dept.police, verdict: 'reject', reasonCode: 'criminal_record', note: '2019年因故意伤害被判刑' });
    assert.equal(rejected.body.status, 'rejected');
    // A reject or return needs its reason; 'other' a note.
    await expectRefused(env.kernel, VETTING, () => police.request('POST', `/api/decisions/${id}/candidates/${cand.alice}/verdicts`, { departmentId: dept.police, verdict: 'return' }), 400, 'REASON_REQUIRED');
    await expectRefused(env.kernel, VETTING, () => police.request('POST', `/api/decisions/${id}/candidates/${cand.alice}/verdicts`, { departmentId: dept.police, verdict: 'return', reasonCode: 'other' }), 400, 'NOTE_REQUIRED');
    await expectRefused(env.kernel, VETTING, () => police.request('POST', `/api/decisions/${id}/candidates/${cand.alice}/verdicts`, { departmentId: dept.police, verdict: 'return', reasonCode: 'criminal_record' }), 400, 'REASON_INVALID');
    const returned = await police.request('POST', `/api/decisions/${id}/candidates/${cand.alice}/verdicts`, { departmentId: dept.police, verdict: 'return', reasonCode: 'materials_missing', note: '缺少不动产权证复印件' });
    assert.equal(returned.body.status, 'returned');

    // Access: a reviewer records only for their own department; one outside the street does not find the election.
    await expectRefused(env.kernel, VETTING, () => party.request('POST', `/api/decisions/${id}/candidates/${cand.alice}/verdicts`, { departmentId: dept.police, verdict: 'approve' }), 403, 'NOT_A_REVIEWER');
    await expectRefused(env.kernel, VETTING, async () => (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/candidates/${cand.alice}/verdicts`, { departmentId: dept.party, verdict: 'approve' }), 403, 'NOT_A_REVIEWER');
    await expectRefused(env.kernel, VETTING, async () => (await as('outsider')).request('POST', `/api/decisions/${id}/candidates/${cand.alice}/verdicts`, { departmentId: dept.party, verdict: 'approve' }), 404, 'ELECTION_NOT_FOUND');
    await expectRefused(env.kernel, VETTING, async () => (await as('outsider')).request('GET', `/api/decisions/${id}/election`), 404, 'ELECTION_NOT_FOUND');

    // The reason reaches the candidate.
    const mine = await (await as(ALICE)).request('GET', '/api/me/candidacies');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const alice = mine.body.items.find((c: { id: string }) => c.id === cand.alice);
    assert.equal(alice.status, 'returned');
    assert.equal(alice.canCorrect, true);
    const pv = alice.verdicts.find((v: { departmentName: string }) => v.departmentName === '派出所');
    assert.deepEqual([pv.verdict, pv.reasonCode, pv.note, pv.stale], ['return', 'materials_missing', '缺少不动产权证复印件', false]);

    // The ballot: exactly c1–c6 (the rejected c7, the returned 王丽 and c9 without consent are left off).
    const ballot = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/candidates/ballot`);
    assert.equal(ballot.status, 200, JSON.stringify(ballot.body));
    assert.deepEqual(ballot.body.items.map((i: { candidateNo: number }) => i.candidateNo), [1, 2, 3, 4, 5, 6]);
    const e = await (await as('owners_committee_member')).request('GET', `/api/decisions/${id}/election`);
    const byId = (cid: string) => e.body.candidates.find((c: { id: string }) => c.id === cid);
    assert.equal(byId(cand.c7).onBallot, false);
    assert.equal(byId(cand.alice).onBallot, false);
    assert.equal(byId(cand.c1).onBallot, true);
    assert.deepEqual(byId(cand.c7).verdicts.map((v: { verdict: string }) => v.verdict), ['approve', 'reject']);
  });

  test('the candidate corrects after a return: the next round, the returning department looks again', async () => {
    const corrected = await (await as(ALICE)).request('POST', `/api/me/candidacies/${cand.alice}/correct`, { statement: '我是老业主（已补交产权证）', note: '补交不动产权证复印件' });
    assert.equal(corrected.status, 200, JSON.stringify(corrected.body));
    assert.deepEqual([corrected.body.round, corrected.body.status], [2, 'vetting']);
    const queue = await (await as('committee_staff')).request('GET', '/api/decisions/vetting/queue');
    const row = queue.body.items.find((r: { candidateId: string }) => r.candidateId === cand.alice);
    assert.deepEqual([row?.departmentName, row?.round], ['派出所', 2]);
    const home = await (await as('committee_staff')).request('GET', '/api/me/workbench');
    assert.deepEqual(home.body.todos.find((t: { key: string }) => t.key === 'candidatesToVet')?.count, 1, '王丽, round 2');
    // Correcting again while not returned is refused.
    await expectRefused(env.kernel, VETTING, async () => (await as(ALICE)).request('POST', `/api/me/candidacies/${cand.alice}/correct`, { statement: 'x', note: 'y' }), 409, 'NOT_RETURNED');
  });

  test('a return after the ballot was made: opening is refused until the candidate is approved again', async () => {
    const committee = await as('owners_committee_member');
    assert.equal((await committee.request('POST', `/api/decisions/${id}/roll`)).status, 200);
    await (await as('department_reviewer')).request('POST', `/api/decisions/${id}/candidates/${cand.c6}/verdicts`, { departmentId: dept.party, verdict: 'return', reasonCode: 'information_wrong', note: '房号有误' });
    advance(15 * 24 * 60 * 60_000);
    await expectRefused(env.kernel, ['approvals', 'dec_decisions'], async () => (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/open`, { confirm: true }), 409, 'CANDIDATES_NOT_ON_BALLOT');
    const fixed = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/candidates/${cand.c6}/correct`, { roomLabel: '1栋601', note: '更正房号' });
    assert.equal(fixed.body.status, 'vetting', 'the police approval stands, the party committee must look again');
    assert.equal((await (await as('department_reviewer')).request('POST', `/api/decisions/${id}/candidates/${cand.c6}/verdicts`, { departmentId: dept.party, verdict: 'approve' })).body.status, 'approved');
    await open(id);
    const d = await (await as('owners_committee_member')).request('GET', `/api/decisions/${id}`);
    assert.equal(d.body.status, 'open');
  });

  test('ballots: more than 5 同意 refused online and invalid on paper; the result by hand', async () => {
    const staff = await as('owners_committee_member');
    const roll = (await staff.request('GET', `/api/decisions/${id}/roll?pageSize=50`)).body.items as { id: string; areaCenti: number }[];
    const entry = (a: number) => roll.find((e) => Number(e.areaCenti) === a)!.id;
    const [alice, bo, cai, dev] = [entry(8950), entry(18000), entry(10000), entry(44375)];
    const boS = await as('13700000001');
    // The owner's page tells the ballot's cap and lists the candidates on it, as the ballot does.
    const mine = (await boS.request('GET', `/api/me/decisions/${id}`)).body;
    assert.equal(mine.election.seats, 5);
    assert.deepEqual(mine.election.candidates.map((c: { itemNo: number }) => c.itemNo), [1, 2, 3, 4, 5, 6]);
    assert.ok(mine.election.candidates.every((c: { name: string; roomLabel: string }) => c.name.startsWith('候选人') && c.roomLabel));
    await expectRefused(env.kernel, ['dec_ballots'], () => vote(boS, '13700000001', id, bo, marks(1, 2, 3, 4, 5, 6), 'bo-over-ballot-1'), 400, 'TOO_MANY_CHOSEN');
    const cast = async (s: Session, phone: string, entryId: string, choices: Record<string, string>, key: string) => {
      const r = await vote(s, phone, id, entryId, choices, key);
      assert.equal(r.status, 201, JSON.stringify(r.body));
    };
    await cast(await as(ALICE), ALICE, alice, marks(1, 2, 3, 4, 5), 'alice-ballot-1');
    advance(61_000); // the refused ballot's code was sent: another after the minute
    await cast(await as('13700000001'), '13700000001', bo, marks(1, 2, 3, 6), 'bo-ballot-1');
    // Paper: 蔡's sheet marks all six → recorded invalid (over_selected) once checked; 蔡 then votes online.
    assert.equal((await (await as('committee_staff')).request('POST', `/api/decisions/${id}/sheets`, {})).status, 200);
    const sheets = (await (await as('committee_staff')).request('GET', `/api/decisions/${id}/sheets?pageSize=50`)).body.items as { entryId: string; code: string }[];
    const code = (e: string) => sheets.find((s) => s.entryId === e)!.code;
    const scan = { field: 'scan', name: '选票.png', type: 'image/png', content: PNG };
    const over = await postForm('committee_staff', `/api/decisions/${id}/paper-ballots`, { sheet: code(cai), choices: JSON.stringify(marks(1, 2, 3, 4, 5, 6)) }, scan);
    assert.equal(over.status, 201, JSON.stringify(over.body));
    assert.equal(over.body.invalidReason, 'over_selected');
    const checked = await staff.request('POST', `/api/decisions/${id}/paper-ballots/${over.body.id}/check`, { verdict: 'match' });
    assert.equal(checked.body.status, 'invalid');
    await cast(await as('13700000002'), '13700000002', cai, marks(1, 2, 6), 'cai-ballot-1');
    const devPaper = await postForm('committee_staff', `/api/decisions/${id}/paper-ballots`, { sheet: code(dev), choices: JSON.stringify(marks(1, 3, 4)) }, scan);
    assert.equal(devPaper.body.invalidReason, null);
    assert.equal((await staff.request('POST', `/api/decisions/${id}/paper-ballots/${devPaper.body.id}/check`, { verdict: 'match' })).body.status, 'counted');

    const asked = await staff.request('POST', `/api/decisions/${id}/close`, { confirm: true });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    assert.equal((await (await as('committee_staff')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
    // All 4 heads (81325) took part; passing needs ≥ 3 heads and > 40662.5 area.
    // 1: all four (4, 81325) passes. 2: 王丽 波 蔡 (3, 36950) fails on area. 3: 王丽 波 developer (3, 71325) passes.
    // 4: 王丽 developer (2 heads: exactly half) fails. 5: 王丽 (1). 6: 波 蔡 (2, 28000).
    const e = (await staff.request('GET', `/api/decisions/${id}/election`)).body;
    assert.deepEqual(e.result.elected.map((x: { no: number }) => x.no), [1, 3]);
    assert.deepEqual(e.result.elected.map((x: { forHeads: number; forAreaCenti: number }) => [x.forHeads, x.forAreaCenti]), [[4, 81325], [3, 71325]]);
    assert.deepEqual(e.result.alternates, []);
    assert.deepEqual(e.result.notElected.map((x: { no: number }) => x.no).sort(), [2, 4, 5, 6]);
    assert.equal(e.result.vacancies, 3);
    assert.equal(e.result.tie, null);
    assert.deepEqual(e.result.partyShare, { candidates: { party: 3, total: 6 }, elected: { party: 2, total: 2 } });
    assert.equal(e.can.byElection, true);
    assert.equal(e.can.drawLots, false);
    await expectRefused(env.kernel, ['dec_elections'], () => staff.request('POST', `/api/decisions/${id}/lots`, { order: [1, 3], witnesses: '张三、李四' }), 409, 'NO_TIE');
  });

  test('a by-election for the vacancies; the members for filing; the report', async () => {
    const staff = await as('owners_committee_member');
    const by = await staff.request('POST', `/api/decisions/${id}/by-election`);
    assert.equal(by.status, 201, JSON.stringify(by.body));
    const e = (await staff.request('GET', `/api/decisions/${by.body.id}/election`)).body;
    assert.deepEqual([e.seats, e.purpose, e.parentId], [3, 'by_election', id]);
    await expectRefused(env.kernel, ['dec_decisions'], () => staff.request('POST', `/api/decisions/${id}/by-election`), 409, 'BY_ELECTION_EXISTS');

    const members = await electionMembers(env.kernel.db as never, w.places.S, id);
    assert.deepEqual(members.map((m) => [m.name, m.status, m.rank]), [['候选人c1', 'elected', 1], ['候选人c3', 'elected', 2]]);
    assert.deepEqual(members[0]!.vetting.map((v) => [v.department, v.verdict]), [['街道党工委', 'approve'], ['派出所', 'approve']]);

    assert.equal((await staff.request('POST', `/api/decisions/${id}/publish`, { confirm: true })).status, 200);
    // The posted result: elected within the seats against everyone who voted (not the item's own pass), no names.
    const page = await env.app.inject({ method: 'GET', url: `/api/public/decisions.result/${id}` });
    assert.equal(page.statusCode, 200, page.body);
    const cells = (page.json().sections as { kind: string; rows?: string[][] }[]).find((x) => x.kind === 'table')!.rows!.map((r) => [r[0], r.at(-1)]);
    assert.deepEqual(cells, [
      ['1号候选人', '当选（第 1 名）'],
      ['2号候选人', '未当选'],
      ['3号候选人', '当选（第 2 名）'],
      ['4号候选人', '未当选'],
      ['5号候选人', '未当选'],
      ['6号候选人', '未当选'],
    ]);
    assert.ok(!page.body.includes('候选人c'), 'no names');
    const report = await (await as('street_official')).request('GET', '/api/decisions/elections/report');
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const a = report.body.compounds.find((c: { compoundId: string }) => c.compoundId === w.places.A);
    assert.deepEqual([a.hasCommittee, a.seats, a.elected, a.partyElected, a.candidates, a.partyCandidates, a.lastElectionId], [true, 5, 2, 2, 6, 3, id]);
    // Street S has compounds A and B; only A has a committee. The shares: 3 of 6 candidates, 2 of 2 elected.
    assert.deepEqual(report.body.coverage, { compounds: 2, withCommittee: 1 });
    assert.deepEqual(report.body.partyShare, { candidates: { party: 3, total: 6 }, elected: { party: 2, total: 2 } });
    // The owners' committee member of A sees only A.
    const own = await staff.request('GET', '/api/decisions/elections/report');
    assert.deepEqual(own.body.coverage, { compounds: 1, withCommittee: 1 });
    const xlsx = await env.app.inject({ method: 'GET', url: '/api/decisions/elections/report.xlsx', headers: await cookieOf('street_official') });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  });
});
