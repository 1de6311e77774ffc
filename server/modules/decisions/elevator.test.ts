import ExcelJS from 'exceljs';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectRefused, type Session } from '../../test/harness.ts';
import { useWorld } from '../../test/fixture.ts';
import { cleanPdf } from '../../kernel/files/pdf.test-support.ts';
import { DEFAULT_RULES } from './decisions.constants.ts';
import { decisionsDriver } from './decisions.test-driver.ts';
import { rehashChain, runVerifier } from './decisions.test-bundle.ts';
import { hashOf } from './ledger.ts';
import { dueCostShares } from './index.ts';
import { billCostShares } from '../fees/index.ts';
import { appDb } from '../../app.ts';
import { read } from './decisions.db.ts';
import { addStairwell } from './elevator.test-world.ts';

/**
 * Elevator retrofits (加装电梯) through the HTTP API on the stairwell of elevator.test-world.ts: the roll holds the
 * stairwell's owners only; the shares are hand-computed; the affected owner's part both ways (consent: one affected
 * owner against fails the vote though the thresholds are met; compensation: publishing is refused until the
 * objection is settled by an agreement); due shares reach the fees hook, a failed vote's shares are void; who sees
 * the shares.
 *
 * ¥120,000.00 over floors 1–3 at 0, 600‰, 800‰ by coefficient alone: Σweight = 2·600 + 2·800 = 2800;
 * floor 2: 12,000,000·600/2800 = 2,571,428 r 1600; floor 3: 12,000,000·800/2800 = 3,428,571 r 1200;
 * 11,999,998 shared, 2 fen left → the two largest remainders, 201 and 202 (1600 > 1200, before the higher floor).
 */
const { env, w, setUp } = useWorld();
const stair = setUp('a stairwell of six owners', () => addStairwell(w));
const { as, advance, lastCode, cookieOf, postForm } = decisionsDriver(env, w, undefined as never);
const DAY = 24 * 60 * 60_000;
const COST = 12_000_000;
const COEFFICIENTS = { 1: 0, 2: 600, 3: 800 };
const EXPECTED = { '101': 0, '102': 0, '201': 2_571_429, '202': 2_571_429, '301': 3_428_571, '302': 3_428_571 };
const TABLES = ['dec_decisions', 'dec_items', 'dec_elevator', 'dec_cost_shares', 'dec_affected', 'dec_roll_entries'];

const roomNo = (label: string) => label.split(' / ').at(-1)!;
type Share = { roomLabel: string; shareFen: number; status: string; entryId: string | null };

async function create(s: Session, body: Record<string, unknown> = {}) {
  return s.request('POST', '/api/decisions/elevators', {
    unitId: stair.unit,
    organiserKind: 'owners_committee',
    organiserAuthority: '业委会第五次会议决议',
    costFen: COST,
    byArea: false,
    coefficients: COEFFICIENTS,
    ...body,
  });
}
async function vote(no: string, id: string, choice: 'for' | 'against' | 'abstain') {
  const owner = await as(stair.phones[no]!);
  const mine = await owner.request('GET', `/api/me/decisions/${id}`);
  assert.equal(mine.status, 200, JSON.stringify(mine.body));
  assert.equal((await owner.request('POST', `/api/me/decisions/${id}/ballot-code`)).status, 200);
  const cast = await owner.request('POST', `/api/me/decisions/${id}/ballot`, { entryId: mine.body.entries[0].id, choices: { 1: choice }, code: lastCode(stair.phones[no]!), requestKey: `${id}-${no}` });
  assert.equal(cast.status, 201, JSON.stringify(cast.body));
}
async function open(id: string) {
  advance(15 * DAY);
  const asked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/open`, { confirm: true });
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  assert.equal((await (await as('committee_staff')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
}
async function close(id: string) {
  const asked = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/close`, { confirm: true });
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  assert.equal((await (await as('committee_staff')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
}
async function markAffected(id: string, no: string) {
  const res = await (await as('owners_committee_member')).request('POST', `/api/decisions/${id}/affected`, { roomId: stair.rooms[no], impact: ['light', 'access'], note: '井道紧贴客厅窗户' });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

describe('elevator retrofit: the draft, its shares and its roll', () => {
  let id = '';

  test('only a unit (stairwell) may host it; the table must cover each floor, never fall, and weigh something', async () => {
    const committee = await as('owners_committee_member');
    await expectRefused(env.kernel, TABLES, () => create(committee, { unitId: stair.building }), 400, 'NOT_A_STAIRWELL');
    await expectRefused(env.kernel, TABLES, () => create(committee, { coefficients: { 1: 0, 2: 800, 3: 600 } }), 400, 'COEFFICIENTS_NOT_RISING');
    await expectRefused(env.kernel, TABLES, () => create(committee, { coefficients: { 1: 0, 2: 600 } }), 400, 'COEFFICIENTS_FLOORS');
    await expectRefused(env.kernel, TABLES, () => create(committee, { coefficients: { 1: 0, 2: 0, 3: 0 } }), 400, 'COST_WEIGHTS_ZERO');
    await expectRefused(env.kernel, TABLES, () => create(committee, { costFen: 0 }), 400, 'VALIDATION_FAILED');
    // A unit of another street's compound is not the organiser's to see.
    await expectRefused(env.kernel, TABLES, () => create(committee, { unitId: w.places.Z1.unit }), 404, 'PLACE_NOT_FOUND');
  });

  test('drafted: one item under matter 7, shares hand-computed and summing to the cost exactly', async () => {
    const committee = await as('owners_committee_member');
    const created = await create(committee);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    id = created.body.id;
    const d = await committee.request('GET', `/api/decisions/${id}`);
    assert.equal(d.body.kind, 'elevator');
    assert.deepEqual(
      d.body.items.map((i: { title: string; matter: number }) => [i.title, i.matter]),
      [['加装电梯及费用分摊方案', 7]],
    );
    const e = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.equal(e.status, 200, JSON.stringify(e.body));
    assert.deepEqual(Object.fromEntries(e.body.shares.map((s: Share) => [roomNo(s.roomLabel), s.shareFen])), EXPECTED);
    assert.equal(e.body.sumFen, COST);
    assert.equal(e.body.affectedRule, 'consent', 'copied from the rules in force (the default)');
    assert.deepEqual(e.body.can, { edit: true, markAffected: true, recordObjection: false, recordAgreement: false });
  });

  test('a draft is changed and shared again; by area with unequal areas still sums exactly', async () => {
    const committee = await as('owners_committee_member');
    const patched = await committee.request('PATCH', `/api/decisions/${id}/elevator`, { costFen: 100, coefficients: { 1: 0, 2: 1000, 3: 1000 } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    // 100 fen over four equal weights: 25 each, nothing left.
    const e = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.deepEqual(Object.fromEntries(e.body.shares.map((s: Share) => [roomNo(s.roomLabel), s.shareFen])), { '101': 0, '102': 0, '201': 25, '202': 25, '301': 25, '302': 25 });
    // 101 fen: 25 r 1 each (of 4) → 1 left → the higher floor, then the label: 301.
    await committee.request('PATCH', `/api/decisions/${id}/elevator`, { costFen: 101 });
    const again = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.deepEqual(Object.fromEntries(again.body.shares.map((s: Share) => [roomNo(s.roomLabel), s.shareFen])), { '101': 0, '102': 0, '201': 25, '202': 25, '301': 26, '302': 25 });
    await expectRefused(env.kernel, TABLES, () => committee.request('PATCH', `/api/decisions/${id}/elevator`, { coefficients: { 1: 0, 2: 700, 3: 600 } }), 400, 'COEFFICIENTS_NOT_RISING');
    assert.equal((await committee.request('PATCH', `/api/decisions/${id}/elevator`, { costFen: COST, coefficients: COEFFICIENTS })).status, 200);
    const list = await committee.request('GET', `/api/decisions/${id}/elevator/shares?sort=share&order=desc&pageSize=2`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.total, 6);
    assert.deepEqual(
      list.body.items.map((s: Share) => s.shareFen),
      [3_428_571, 3_428_571],
    );
    const found = await committee.request('GET', `/api/decisions/${id}/elevator/shares?q=202`);
    assert.deepEqual(
      found.body.items.map((s: Share) => roomNo(s.roomLabel)),
      ['202'],
    );
  });

  test('the roll holds only the stairwell’s owners: six heads, the next unit’s owner and the rest of the compound left out', async () => {
    const committee = await as('owners_committee_member');
    const published = await committee.request('POST', `/api/decisions/${id}/roll`);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.deepEqual([published.body.totalHeads, published.body.totalAreaCenti], [6, 6 * 8950]);
    const roll = await committee.request('GET', `/api/decisions/${id}/roll?pageSize=50`);
    const rooms = roll.body.items.flatMap((e: { rooms: string[] }) => e.rooms).sort();
    assert.deepEqual(rooms, ['101', '102', '201', '202', '301', '302'].map((n) => `5栋 / 1单元 / ${n}`));
    assert.equal((await (await as(stair.neighbourPhone)).request('GET', `/api/me/decisions/${id}`)).status, 404, 'lives in the building, not in the stairwell');
    assert.equal((await (await as('13800000001')).request('GET', `/api/me/decisions/${id}`)).status, 404);
    // Each share is linked to its head on the roll; the shares stay as they were.
    const e = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.ok(e.body.shares.every((s: Share) => s.entryId), 'linked to the roll');
    assert.equal(e.body.sumFen, COST);
    // Until voting opens the organiser may still change the plan: the rooms stay linked to their heads.
    assert.equal((await committee.request('PATCH', `/api/decisions/${id}/elevator`, { costFen: COST + 1 })).status, 200);
    const changed = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.equal(changed.body.sumFen, COST + 1);
    assert.ok(changed.body.shares.every((s: Share) => s.entryId), 'still linked to the roll');
    assert.equal((await committee.request('PATCH', `/api/decisions/${id}/elevator`, { costFen: COST })).status, 200);
  });

  test('who sees the shares: organisers and readers of the place; property staff, other places and owners through staff routes do not', async () => {
    for (const login of ['owners_committee_member', 'committee_staff', 'community_secretary', 'street_official', 'property_committee_member']) {
      assert.equal((await (await as(login)).request('GET', `/api/decisions/${id}/elevator`)).status, 200, login);
    }
    for (const login of ['property_staff', 'property_manager', 'grid_worker', 'building_leader', stair.phones['201']!, '13800000001']) {
      const res = await (await as(login)).request('GET', `/api/decisions/${id}/elevator`);
      assert.ok([403, 404].includes(res.status), `${login}: ${res.status}`);
      const list = await (await as(login)).request('GET', `/api/decisions/${id}/elevator/shares`);
      assert.ok([403, 404].includes(list.status), `${login}: ${list.status}`);
    }
    // Reading is not organising: the property committee member sees but does not mark or create.
    const reader = await as('property_committee_member');
    await expectRefused(env.kernel, TABLES, () => reader.request('POST', `/api/decisions/${id}/affected`, { roomId: stair.rooms['101'], impact: ['light'] }), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => create(reader), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, async () => create(await as('property_staff')), 404, 'PLACE_NOT_FOUND');
    // A general decision has no elevator.
    const general = await (await as('owners_committee_member')).request('POST', '/api/decisions', {
      placeId: stair.unit,
      title: '楼道粉刷',
      organiserKind: 'owners_committee',
      organiserAuthority: '业委会决议',
      items: [{ title: '粉刷楼道', matter: 9 }],
    });
    assert.equal((await (await as('owners_committee_member')).request('GET', `/api/decisions/${general.body.id}/elevator`)).status, 404);
  });

  test('the owner sees their own share with floor and coefficient, and the whole table by room without names', async () => {
    const mine = await (await as(stair.phones['301']!)).request('GET', `/api/me/decisions/${id}`);
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.elevator.costShares, [{ roomLabel: '5栋 / 1单元 / 301', floor: 3, coefficientPermille: 800, shareFen: 3_428_571, status: 'proposed' }]);
    assert.equal(mine.body.elevator.table.length, 6);
    assert.equal(mine.body.elevator.totalFen, COST);
    for (const name of ['孙', '周']) assert.ok(!JSON.stringify(mine.body.elevator).includes(name), 'no names in the table');
  });
});

describe('the affected owner must consent (the default rule)', () => {
  let id = '';
  test('one affected owner against: the thresholds are met but the vote fails; published, every share is void', async () => {
    let committee = await as('owners_committee_member');
    id = (await create(committee, { title: '5栋1单元加装电梯（第一次）' })).body.id;
    const affectedId = await markAffected(id, '101');
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${id}/affected`, { roomId: stair.rooms['101'], impact: ['noise'] }), 409, 'AFFECTED_EXISTS');
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${id}/affected`, { roomId: w.rooms.A101, impact: ['noise'] }), 400, 'ROOM_NOT_IN_STAIRWELL');
    assert.ok(affectedId);
    assert.equal((await committee.request('POST', `/api/decisions/${id}/roll`)).status, 200);
    // Under consent there is nothing to object to or settle.
    await expectRefused(env.kernel, TABLES, () => committee.request('POST', `/api/decisions/${id}/affected/${affectedId}/objection`, { text: '影响采光' }), 409, 'OBJECTION_NOT_APPLICABLE');
    await expectRefused(env.kernel, TABLES, () => as(stair.phones['101']!).then((s) => s.request('POST', `/api/me/decisions/${id}/affected-objection`, { text: '影响采光' })), 409, 'OBJECTION_NOT_APPLICABLE');
    await open(id);
    committee = await as('owners_committee_member');
    await expectRefused(env.kernel, TABLES, () => committee.request('PATCH', `/api/decisions/${id}/elevator`, { costFen: 1 }), 409, 'WRONG_STATUS');
    // The manifest seals the shares: they add up to the cost, by the heads' keys.
    const d = await read(env.kernel).selectFrom('dec_decisions').select('manifest').where('id', '=', id).executeTakeFirstOrThrow();
    const sealed = (d.manifest as { elevator: { costFen: number; shares: { key: string; shareFen: number }[]; affected: unknown[] } }).elevator;
    assert.equal(sealed.costFen, COST);
    assert.equal(
      sealed.shares.reduce((s, x) => s + x.shareFen, 0),
      COST,
    );
    assert.ok(sealed.shares.every((s) => /^[0-9a-f]{64}$/.test(s.key)));
    assert.equal(sealed.affected.length, 1);
    await vote('101', id, 'against');
    for (const no of ['102', '201', '202', '301', '302']) await vote(no, id, 'for');
    await close(id);
    committee = await as('owners_committee_member'); // the clock moved: a fresh session
    const counted = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.equal(counted.status, 200, JSON.stringify(counted.body));
    assert.equal(counted.body.judgement.thresholdsMet, true, '5 of 6 heads and area: ≥ ¾');
    assert.equal(counted.body.judgement.passed, false);
    assert.equal(counted.body.judgement.reason, 'AFFECTED_OWNER_NOT_CONSENTING');
    assert.deepEqual(counted.body.judgement.notConsenting, ['5栋 / 1单元 / 101（孙*）']);
    const atCount = await read(env.kernel).selectFrom('dec_decisions').select('result').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal((atCount.result as { elevator: { reason: string } }).elevator.reason, 'AFFECTED_OWNER_NOT_CONSENTING', 'kept beside the tally at the count');
    assert.equal((await committee.request('POST', `/api/decisions/${id}/publish`, { confirm: true })).status, 200);
    const published = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.equal(published.body.judgement.passed, false);
    assert.ok(published.body.shares.every((s: Share) => s.status === 'void'));
    const due = await dueCostShares(env.kernel.db, { streetId: w.places.S });
    assert.equal(due.filter((s) => s.decisionId === id).length, 0);
    const mine = await (await as(stair.phones['201']!)).request('GET', `/api/me/decisions/${id}`);
    assert.equal(mine.body.result.elevator.reason, 'AFFECTED_OWNER_NOT_CONSENTING');
    // The posted result says so too: thresholds met, yet not passed for want of the affected owner's consent.
    const page = await env.app.inject({ method: 'GET', url: `/api/public/decisions.result/${id}` });
    assert.equal(page.statusCode, 200, page.body);
    assert.ok(page.body.includes('未通过（1 户受影响业主未同意）'), page.body);
    assert.ok(!page.body.includes('"通过"'), 'no cell says passed');
  });

  test('the exported bundle with the elevator manifest passes the independent verifier', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/decisions/${id}/bundle.json`, headers: await cookieOf('owners_committee_member') });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const bundle = res.json();
    const ok = await runVerifier(bundle);
    assert.deepEqual([ok.code, ok.result.ok, ok.result.problems], [0, true, []]);
    // A forger who takes a fen off one share and re-hashes the manifest and chain: the shares no longer add up to the cost.
    const forged = structuredClone(bundle);
    forged.manifest.elevator.shares.find((s: { shareFen: number }) => s.shareFen > 0).shareFen -= 1;
    forged.manifestHash = hashOf(forged.manifest);
    rehashChain(forged);
    const bad = await runVerifier(forged);
    assert.equal(bad.code, 1);
    assert.ok(
      bad.result.problems.some((p: { check: string; message: string }) => p.check === 'manifest' && p.message.includes(`add up to ${COST - 1} fen`)),
      JSON.stringify(bad.result.problems),
    );
  });
});

describe('the affected owner may object, settled by a compensation agreement', () => {
  let id = '';
  let affectedId = '';
  test('rules in force with compensation; the owner objects on the H5, a neighbour not affected may not', async () => {
    let committee = await as('owners_committee_member');
    const v = await committee.request('POST', '/api/decisions/rules', {
      compoundId: w.places.A,
      title: '阳光花园业主大会议事规则（加装电梯）',
      settings: { ...DEFAULT_RULES, elevator: { value: { matter: 7, affected: 'compensation' }, clause: '议事规则第三十条' } },
    });
    assert.equal(v.status, 201, JSON.stringify(v.body));
    await committee.request('POST', `/api/decisions/rules/${v.body.id}/confirm`);
    assert.equal((await committee.request('POST', `/api/decisions/rules/${v.body.id}/in-force`)).status, 200);
    id = (await create(committee, { title: '5栋1单元加装电梯（第二次）' })).body.id;
    affectedId = await markAffected(id, '101');
    assert.equal((await committee.request('POST', `/api/decisions/${id}/roll`)).status, 200);
    const owner = await as(stair.phones['101']!);
    const seen = await owner.request('GET', `/api/me/decisions/${id}`);
    assert.equal(seen.body.elevator.affectedRule, 'compensation');
    assert.equal(seen.body.elevator.canObject, true);
    const objected = await owner.request('POST', `/api/me/decisions/${id}/affected-objection`, { text: '电梯井道挡住客厅采光，要求补偿' });
    assert.equal(objected.status, 201, JSON.stringify(objected.body));
    await expectRefused(env.kernel, TABLES, () => as(stair.phones['201']!).then((s) => s.request('POST', `/api/me/decisions/${id}/affected-objection`, { text: '我也反对' })), 403, 'NOT_AFFECTED');
    await expectRefused(env.kernel, TABLES, () => as(stair.neighbourPhone).then((s) => s.request('POST', `/api/me/decisions/${id}/affected-objection`, { text: '反对' })), 404, 'DECISION_NOT_FOUND');
  });

  test('a passing vote cannot be published while the objection is unsettled; the agreement settles it, then it passes and the shares are due', async () => {
    let committee = await as('owners_committee_member');
    await open(id);
    await vote('101', id, 'against');
    for (const no of ['102', '201', '202', '301', '302']) await vote(no, id, 'for');
    await close(id);
    committee = await as('owners_committee_member'); // the clock moved: a fresh session
    const counted = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.deepEqual([counted.body.judgement.thresholdsMet, counted.body.judgement.reason], [true, 'OBJECTION_UNSETTLED']);
    const refused = await expectRefused(env.kernel, [...TABLES, 'dec_ballots'], () => committee.request('POST', `/api/decisions/${id}/publish`, { confirm: true }), 409, 'OBJECTION_UNSETTLED');
    assert.ok(refused.message.includes('101'));
    // An agreement needs an objection to settle, and takes a scan as evidence.
    const pdf = await cleanPdf();
    const bad = await postForm('owners_committee_member', `/api/decisions/${id}/affected/${affectedId}/agreement`, { amountFen: '-5', signedOn: '2026-12-20' }, { field: 'file', name: '补偿协议.pdf', type: 'application/pdf', content: pdf });
    assert.equal(bad.status, 400);
    const settled = await postForm('owners_committee_member', `/api/decisions/${id}/affected/${affectedId}/agreement`, { amountFen: '3000000', signedOn: '2026-12-20', note: '一次性补偿三万元' }, { field: 'file', name: '补偿协议.pdf', type: 'application/pdf', content: pdf });
    assert.equal(settled.status, 201, JSON.stringify(settled.body));
    const again = await postForm('owners_committee_member', `/api/decisions/${id}/affected/${affectedId}/agreement`, { amountFen: '1', signedOn: '2026-12-20' }, { field: 'file', name: '补偿协议.pdf', type: 'application/pdf', content: pdf });
    assert.deepEqual([again.status, again.body.error.code], [409, 'OBJECTION_SETTLED']);
    const file = await env.app.inject({ method: 'GET', url: `/api/decisions/${id}/affected/${affectedId}/agreement/file`, headers: await cookieOf('owners_committee_member') });
    assert.equal(file.statusCode, 200);
    assert.equal((await committee.request('POST', `/api/decisions/${id}/publish`, { confirm: true })).status, 200);
    const published = await committee.request('GET', `/api/decisions/${id}/elevator`);
    assert.deepEqual([published.body.judgement.passed, published.body.judgement.reason], [true, null]);
    assert.ok(published.body.shares.every((s: Share) => s.status === 'due'));
    const due = (await dueCostShares(env.kernel.db, { streetId: w.places.S })).filter((s) => s.decisionId === id);
    // The ground floor pays nothing and raises no payment item: four items, the cost to the fen.
    assert.deepEqual(due.map((s) => [roomNo(s.roomLabel), s.shareFen]).sort(), [
      ['201', 2_571_429],
      ['202', 2_571_429],
      ['301', 3_428_571],
      ['302', 3_428_571],
    ]);
    assert.ok(due.every((s) => s.title.includes('加装电梯') && s.dueSince instanceof Date));
    assert.equal((await dueCostShares(env.kernel.db, { streetId: w.places.S, since: due[0]!.dueSince })).filter((s) => s.decisionId === id).length, 0, 'since is exclusive');
    // The fees module's job bills each due share once, to the fen, as the owners' bill of the room.
    assert.equal(await billCostShares(env.kernel, w.places.S), 4);
    assert.equal(await billCostShares(env.kernel, w.places.S), 0, 'a second run bills nothing twice');
    const bills = await appDb(env.kernel)
      .selectFrom('fee_bills as b')
      .innerJoin('street_places as p', 'p.id', 'b.room_id')
      .select(['p.name', 'b.amount_fen', 'b.payer_kind', 'b.source', 'b.status'])
      .where('b.bill_key', '=', `elevator:${id}`)
      .orderBy('p.name')
      .execute();
    assert.deepEqual(bills.map((b) => [b.name, b.amount_fen, b.payer_kind, b.source, b.status]), [
      ['201', 2_571_429, 'owners', 'elevator', 'open'],
      ['202', 2_571_429, 'owners', 'elevator', 'open'],
      ['301', 3_428_571, 'owners', 'elevator', 'open'],
      ['302', 3_428_571, 'owners', 'elevator', 'open'],
    ]);
    const xlsx = await env.app.inject({ method: 'GET', url: `/api/decisions/${id}/elevator/shares.xlsx`, headers: await cookieOf('committee_staff') });
    assert.equal(xlsx.statusCode, 200);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    const mine = await (await as(stair.phones['301']!)).request('GET', `/api/me/decisions/${id}`);
    assert.equal(mine.body.elevator.costShares[0].status, 'due');
    const affected = await (await as(stair.phones['101']!)).request('GET', `/api/me/decisions/${id}`);
    assert.equal(affected.body.elevator.affected[0].agreement.amountFen, 3_000_000);
    assert.equal(affected.body.elevator.canObject, false);
  });

  test('my data: my homes’ shares, my objection and its settlement', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/me/personal-data.xlsx', headers: await cookieOf(stair.phones['101']!) });
    assert.equal(res.statusCode, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet('加装电梯分摊')!.getSheetValues().filter(Boolean).slice(1) as unknown[][];
    // Three retrofits drafted in this stairwell: the first (general test), the consent one and the compensation one.
    assert.equal(rows.length, 3);
    assert.ok(rows.some((r) => String(r[5]).includes('采光') && r[6]), 'the objection and its settlement');
    assert.ok(rows.every((r) => r[3] === 0), 'the ground floor pays nothing');
  });
});
