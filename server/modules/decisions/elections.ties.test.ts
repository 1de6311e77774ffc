import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAccount } from '../../kernel/auth/accounts.ts';
import { hashPassword } from '../../kernel/auth/passwords.ts';
import { write } from '../../kernel/context.ts';
import { expectRefused } from '../../test/harness.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { createPlace } from '../registry/index.ts';
import { decisionsDriver } from './decisions.test-driver.ts';

/**
 * A tie at the last seat through the HTTP API, at compound B of the test world with three owners of 89.50 m² each
 * (3 heads, 268.50 m²): 5 seats, six candidates on the ballot; every head marks five 同意, so candidates 1–3 have
 * 3 heads and 4–6 have 2 heads and 179.00 m² each — three candidates tied for the last two seats. Settled by a
 * run-off (the default rules) in one election and by a recorded drawing of lots in another.
 */
const { env, w, setUp } = useWorld();
const heads = setUp('three owners at compound B', async () => {
  const ctx = w.ctx;
  const unit = (await env.kernel.db.selectFrom('places').select('parent_id').where('id', '=', w.rooms.B101).executeTakeFirstOrThrow()).parent_id!;
  const b102 = (await createPlace(ctx, { parentId: unit, kind: 'room', name: '102', room: { floor: 1, area: '89.50', areaSource: 'register', use: 'residential' } })).id;
  const [p2, p3] = [await w.person(w.places.B, '钱二'), await w.person(w.places.B, '孙三')];
  await w.household(b102, p2, 'owner');
  await w.household(w.rooms.B103, p3, 'owner');
  const passwordHash = await hashPassword(PASSWORD);
  await write(ctx, async (tx) => {
    for (const [phone, personId, name] of [['13600000001', w.persons.bob, '李波'], ['13600000002', p2, '钱二'], ['13600000003', p3, '孙三']] as const) {
      await createAccount(tx, ctx.kernel.pii, { phone, displayName: name, password: PASSWORD, passwordHash, personId });
    }
  });
  return { phones: ['13600000001', '13600000002', '13600000003'] };
});
const { as, advance, lastCode } = decisionsDriver(env, w, {} as never);
const DAY = 24 * 60 * 60_000;
/** Head h marks 同意 all but one of candidates 4–6: h1 against 6, h2 against 5, h3 against 4. */
const choicesOf = (h: number) => Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [String(n), n === 7 - h ? 'against' : 'for']));

/** An election at B with six approved candidates on its ballot, voted by the three heads and counted. */
async function tiedElection(title: string, tieBreak?: 'lots') {
  const street = await as('street_official');
  const created = await street.request('POST', '/api/decisions/elections', { compoundId: w.places.B, title, organiserKind: 'residents_committee', organiserAuthority: '街道办事处通知' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id as string;
  // No rules are in force at B: the defaults settle a tie by run-off. The other election stands for rules that say lots.
  if (tieBreak) await env.kernel.db.updateTable('dec_elections' as never).set({ tie_break: tieBreak } as never).where('decision_id' as never, '=', id as never).execute();
  const departments = await street.request('GET', `/api/decisions/vetting/departments?streetId=${w.places.S}`);
  let departmentId = departments.body.items[0]?.id as string | undefined;
  if (!departmentId) {
    departmentId = (await street.request('POST', '/api/decisions/vetting/departments', { streetId: w.places.S, name: '街道党工委', kind: 'party_committee', reviewerAccountIds: [w.accounts.street_official] })).body.id;
  }
  for (let n = 1; n <= 6; n++) {
    const c = await street.request('POST', `/api/decisions/${id}/candidates`, { name: `候选人${n}`, roomLabel: `1栋${n}`, partyMember: n % 2 === 1, nomination: 'residents_committee' });
    assert.equal((await street.request('POST', `/api/decisions/${id}/candidates/${c.body.id}/consent`, {})).status, 200);
    assert.equal((await street.request('POST', `/api/decisions/${id}/candidates/${c.body.id}/verdicts`, { departmentId, verdict: 'approve' })).body.status, 'approved');
  }
  assert.equal((await street.request('POST', `/api/decisions/${id}/candidates/ballot`)).status, 200);
  assert.equal((await street.request('POST', `/api/decisions/${id}/roll`)).status, 200);
  await openAndVote(id, choicesOf);
  return id;
}

async function openAndVote(id: string, choices: (h: number) => Record<string, string>) {
  advance(15 * DAY);
  const asked = await (await as('street_official')).request('POST', `/api/decisions/${id}/open`, { confirm: true });
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  assert.equal((await (await as('street2')).request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
  for (const [i, phone] of heads.phones.entries()) {
    const s = await as(phone);
    const mine = await s.request('GET', `/api/me/decisions/${id}`);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    const entryId = mine.body.entries[0].id;
    assert.equal((await s.request('POST', `/api/me/decisions/${id}/ballot-code`)).status, 200);
    const cast = await s.request('POST', `/api/me/decisions/${id}/ballot`, { entryId, choices: choices(i + 1), code: lastCode(phone), requestKey: `tie-${id.slice(-8)}-${i}` });
    assert.equal(cast.status, 201, JSON.stringify(cast.body));
  }
  advance(61_000);
  const close = await (await as('street_official')).request('POST', `/api/decisions/${id}/close`, { confirm: true });
  assert.equal(close.status, 202, JSON.stringify(close.body));
  assert.equal((await (await as('street2')).request('POST', `/api/approvals/${close.body.approvalId}/approve`, {})).status, 200);
}

describe('a tie at the last seat', () => {
  test('run-off: 1–3 elected, 4–6 tied for 2 seats; the run-off election has the tied, approved, on its ballot', async () => {
    const id = await tiedElection('明月小区业委会选举');
    const street = await as('street_official');
    const e = (await street.request('GET', `/api/decisions/${id}/election`)).body;
    assert.deepEqual(e.result.elected.map((x: { no: number }) => x.no), [1, 2, 3]);
    assert.deepEqual(e.result.tie, { nos: [4, 5, 6], seatsLeft: 2, settled: null });
    assert.equal(e.result.vacancies, 0);
    assert.deepEqual([e.can.runoff, e.can.drawLots], [true, false]);
    await expectRefused(env.kernel, ['dec_elections', 'dec_decisions'], () => street.request('POST', `/api/decisions/${id}/lots`, { order: [4, 5, 6], witnesses: '王五' }), 409, 'TIE_BREAK_MISMATCH');
    const runoff = await street.request('POST', `/api/decisions/${id}/runoff`);
    assert.equal(runoff.status, 201, JSON.stringify(runoff.body));
    const r = (await street.request('GET', `/api/decisions/${runoff.body.id}/election`)).body;
    assert.deepEqual([r.seats, r.purpose, r.parentId], [2, 'runoff', id]);
    assert.deepEqual(r.candidates.map((c: { name: string; status: string; onBallot: boolean }) => [c.name, c.status, c.onBallot]), [
      ['候选人4', 'approved', true],
      ['候选人5', 'approved', true],
      ['候选人6', 'approved', true],
    ]);
    assert.ok(r.candidates.every((c: { verdicts: { verdict: string }[] }) => c.verdicts[0]?.verdict === 'approve'), 'the vetting record of the first election stands');
    assert.equal((await street.request('GET', `/api/decisions/${id}/election`)).body.result.tie.settled, 'runoff');
    await expectRefused(env.kernel, ['dec_decisions'], () => street.request('POST', `/api/decisions/${id}/runoff`), 409, 'TIE_SETTLED');
  });

  test('lots: the drawn order fills the two seats; the third tied is not elected (no alternates); recorded once', async () => {
    const id = await tiedElection('明月小区业委会选举（抽签）', 'lots');
    const street = await as('street_official');
    await expectRefused(env.kernel, ['dec_elections'], () => street.request('POST', `/api/decisions/${id}/lots`, { order: [4, 5], witnesses: '王五、赵六' }), 400, 'LOTS_INVALID');
    const drawn = await street.request('POST', `/api/decisions/${id}/lots`, { order: [6, 4, 5], witnesses: '王五、赵六', note: '居委会主任主持' });
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    assert.deepEqual(drawn.body.result.elected.map((x: { no: number; rank: number }) => [x.no, x.rank]), [[1, 1], [2, 1], [3, 1], [6, 4], [4, 5]]);
    assert.deepEqual(drawn.body.result.notElected.map((x: { no: number }) => x.no), [5]);
    assert.deepEqual(drawn.body.result.tie, { nos: [4, 5, 6], seatsLeft: 2, settled: 'lots' });
    const e = (await street.request('GET', `/api/decisions/${id}/election`)).body;
    assert.deepEqual(e.lots.order, [6, 4, 5]);
    assert.equal(e.lots.witnesses, '王五、赵六');
    await expectRefused(env.kernel, ['dec_elections'], () => street.request('POST', `/api/decisions/${id}/lots`, { order: [4, 5, 6], witnesses: '王五' }), 409, 'TIE_SETTLED');
  });
});
