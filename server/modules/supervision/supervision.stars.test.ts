import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { generatePayouts } from '../../kernel/payouts/payouts.ts';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { expectRefused } from '../../test/harness.ts';
import { useWorld } from '../../test/fixture.ts';
import { expectSorts } from '../../test/sorting.ts';
import { newId } from '../../kernel/ids.ts';
import { createPlace } from '../registry/index.ts';
import { read, write } from './supervision.db.ts';
import { type Client, JPEG, PDF, TEST_SHEET, signInClient } from './supervision.sheets.test-support.ts';
import { companyShareAllowed, DEFAULT_STAR_MINIMUMS, DEFAULT_STAR_REWARDS, rewardFor, STARS_PAYOUT_KIND, starForScore, starType } from './supervision.stars.constants.ts';
import { ApplicationsSort } from './use-cases/list-star-applications.ts';
import { CompoundStarsSort } from './use-cases/list-compound-stars.ts';

/**
 * The rules of 有礼小区 三类五星 (issue 21 §3), on hand-computed figures: the score → star bands at each boundary and
 * the type; the reward for one level up and for several; the company's share compared exactly (30% allowed, 30.01%
 * refused); the allocation adding up to the reward; a confirmation by the requester refused; only the assigned
 * assessor scores. The test sheet (supervision.sheets.test-support.ts): 物业管理 60% — T1 points 10.00 (photo), T2
 * deduction 5.00 at 2.00 a finding; 环境 40% — T3 yes/no 3.00 (document), T4 points 7.00. With T2, T3 and T4 full,
 * the score is 60 × (T1 + 5) / 15 + 40: T1 7.50 → 90.00 exactly; T1 7.49 → 89.96.
 */
const { env, w, afterSetUp } = useWorld();
const TABLES = ['sup_star_settings', 'sup_star_applications', 'sup_compound_stars', 'sup_star_rewards', 'sup_star_reward_lines', 'approvals', 'audit_log'];
let official: Client;
let second: Client;
let staff: Client;
let assessor: Client;
let company: Client;

/** Signs everyone in (again after the clock moves a quarter on: sessions expire). */
async function signIn() {
  official = await signInClient(env.app, 'street_official');
  second = await signInClient(env.app, 'street2');
  staff = await signInClient(env.app, 'committee_staff');
  assessor = await signInClient(env.app, 'assessor');
  company = await signInClient(env.app, 'property_manager');
}

afterSetUp(async () => {
  await signIn();
  const sheet = await official.request('POST', '/api/supervision/sheets', { placeId: w.places.S, kind: 'civility', name: '有礼小区评价' });
  assert.equal((await official.request('PUT', `/api/supervision/sheets/${sheet.body.id}`, TEST_SHEET)).status, 200);
  assert.equal((await official.request('POST', `/api/supervision/sheets/${sheet.body.id}/activate`)).status, 200);
});

type View = { id: string; sections: { indicators: { id: string; code: string }[] }[] };

/** Applies, assigns the assessor, and has them score T1 = `t1` (hundredths), the rest full, with the evidence; answers the application's id. */
async function scored(level: number, t1: number): Promise<string> {
  const applied = await staff.request('POST', '/api/supervision/stars/applications', { compoundId: w.places.A, level, note: '申请' });
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const id = applied.body.id as string;
  assert.equal((await official.request('POST', `/api/supervision/stars/applications/${id}/assessor`, { assessorId: assessor.accountId })).status, 200);
  const started = await assessor.request('POST', `/api/supervision/stars/applications/${id}/assessment`);
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const v = (await assessor.request('GET', `/api/supervision/inspections/${started.body.inspectionId}`)).body as View;
  const item = (code: string) => `/api/supervision/inspections/${v.id}/items/${v.sections.flatMap((s) => s.indicators).find((i) => i.code === code)!.id}`;
  for (const [code, body] of [
    ['T1', { awardedCenti: t1 }],
    ['T2', { findings: 0 }],
    ['T3', { met: true }],
    ['T4', { awardedCenti: 700 }],
  ] as const) {
    assert.equal((await assessor.request('PUT', item(code), body)).status, 200);
  }
  assert.equal((await assessor.upload(`${item('T1')}/files`, { kind: 'photo' }, { filename: 'a.jpg', type: 'image/jpeg', content: JPEG })).status, 201);
  assert.equal((await assessor.upload(`${item('T3')}/files`, { kind: 'document' }, { filename: '台账.pdf', type: 'application/pdf', content: PDF })).status, 201);
  assert.equal((await assessor.request('POST', `/api/supervision/inspections/${v.id}/submit`, {})).status, 200);
  return id;
}

async function confirm(id: string) {
  const asked = await official.request('POST', `/api/supervision/stars/applications/${id}/confirmation`);
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  await expectRefused(env.kernel, TABLES, () => official.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {}), 403, 'APPROVAL_SELF');
  assert.equal((await second.request('POST', `/api/approvals/${asked.body.approvalId}/approve`, {})).status, 200);
}

describe('score → star and type (pure, hand-computed)', () => {
  test('half-open bands: exactly 90.00 is ★5, 89.99 ★4; 80.00 ★4, 79.99 ★3; 70.00 ★3, 69.99 ★2; 60.00 ★2, 59.99 ★1', () => {
    const cases: [number, number][] = [
      [10000, 5],
      [9000, 5],
      [8999, 4],
      [8000, 4],
      [7999, 3],
      [7000, 3],
      [6999, 2],
      [6000, 2],
      [5999, 1],
      [0, 1],
    ];
    for (const [score, stars] of cases) assert.equal(starForScore(score, DEFAULT_STAR_MINIMUMS), stars, `score ${score}`);
  });
  test('types: ★5 示范引领, ★4 and ★3 良性发展, ★2 and ★1 托底维持', () => {
    assert.deepEqual([5, 4, 3, 2, 1].map(starType), ['leading', 'developing', 'developing', 'maintaining', 'maintaining']);
  });
  test('reward: each level above the highest ever held, once — ★3→★4 50,000.00; none→★4 70,000.00; ★4→★5 100,000.00; back to a level held, nothing', () => {
    assert.equal(rewardFor(3, 4, DEFAULT_STAR_REWARDS), 5_000_000);
    assert.equal(rewardFor(3, 5, DEFAULT_STAR_REWARDS), 15_000_000);
    assert.equal(rewardFor(0, 4, DEFAULT_STAR_REWARDS), 7_000_000);
    assert.equal(rewardFor(4, 5, DEFAULT_STAR_REWARDS), 10_000_000);
    assert.equal(rewardFor(5, 4, DEFAULT_STAR_REWARDS), 0);
    assert.equal(rewardFor(0, 2, DEFAULT_STAR_REWARDS), 0);
  });
  test('company share, exactly: of 100,000.00 yuan, 30,000.00 allowed, 30,000.01 and 30,010.00 refused; a lower cap counts', () => {
    assert.equal(companyShareAllowed(3_000_000, 10_000_000, 30), true);
    assert.equal(companyShareAllowed(3_000_001, 10_000_000, 30), false);
    assert.equal(companyShareAllowed(3_001_000, 10_000_000, 30), false);
    assert.equal(companyShareAllowed(2_000_000, 10_000_000, 20), true);
    assert.equal(companyShareAllowed(2_000_001, 10_000_000, 20), false);
  });
});

describe('an application from applying to the reward', () => {
  let first: string;
  before(async () => {
    first = await scored(4, 749);
  });

  test('one open application per compound; the level must be above the star in force', async () => {
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', '/api/supervision/stars/applications', { compoundId: w.places.A, level: 5 }), 409, 'APPLICATION_OPEN');
  });

  test('the score 89.96 gives ★4 良性发展型 on the application', async () => {
    const d = (await official.request('GET', `/api/supervision/stars/applications/${first}`)).body;
    assert.deepEqual([d.scoreCenti, d.stars, d.type, d.typeZh, d.can.confirm], [8996, 4, 'developing', '良性发展型', true]);
  });

  test('confirmed by a second official (the requester refused): ★4 in force, reward none→★4 = 70,000.00', async () => {
    await confirm(first);
    const d = (await official.request('GET', `/api/supervision/stars/applications/${first}`)).body;
    assert.equal(d.status, 'confirmed');
    assert.deepEqual([d.reward.amountFen, d.reward.fromStars, d.reward.toStars, d.reward.companyMaxPercent], [7_000_000, 0, 4, 30]);
    const list = (await company.request('GET', '/api/supervision/stars/compounds')).body;
    assert.deepEqual(list.items.map((r: { compoundId: string; stars: number }) => [r.compoundId, r.stars]), [[w.places.A, 4]]);
    await expectRefused(env.kernel, TABLES, () => staff.request('POST', '/api/supervision/stars/applications', { compoundId: w.places.A, level: 4 }), 409, 'LEVEL_NOT_ABOVE');
  });

  test('allocation: lines must add up; the company 21,000.01 of 70,000.00 (30.00001%) refused with the figures; 21,000.00 (30%) recorded', async () => {
    const d = (await official.request('GET', `/api/supervision/stars/applications/${first}`)).body;
    const org = (kind: string) => d.recipients.find((r: { kind: string }) => r.kind === kind);
    assert.ok(org('property_company') && org('owners_committee') && org('residents_committee'), JSON.stringify(d.recipients));
    const lines = (companyFen: number, otherFen: number) => ({
      lines: [
        { recipientKind: 'property_company', organisationId: org('property_company').id, amountFen: companyFen, purpose: '物业服务提升' },
        { recipientKind: 'owners_committee', organisationId: org('owners_committee').id, amountFen: otherFen, purpose: '环境提升' },
        { recipientKind: 'other', recipientName: '小区志愿服务队', amountFen: 1_000_000, purpose: '志愿服务' },
      ],
    });
    const url = `/api/supervision/stars/applications/${first}/allocation`;
    const total = await expectRefused(env.kernel, TABLES, () => official.request('PUT', url, lines(2_100_000, 3_000_000)), 409, 'ALLOCATION_TOTAL');
    assert.match(total.message, /61,000\.00.*70,000\.00/);
    const share = await expectRefused(env.kernel, TABLES, () => official.request('PUT', url, lines(2_100_001, 3_899_999)), 409, 'COMPANY_SHARE');
    assert.match(share.message, /21,000\.01.*70,000\.00.*30\.00%.*30%/);
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', url, { lines: [{ recipientKind: 'property_company', organisationId: org('owners_committee').id, amountFen: 7_000_000, purpose: 'x' }] }), 400, 'RECIPIENT_INVALID');
    await expectRefused(env.kernel, TABLES, () => company.request('PUT', url, lines(2_100_000, 3_900_000)), 403, 'FORBIDDEN');
    const ok = await official.request('PUT', url, lines(2_100_000, 3_900_000));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.rewardFen, ok.body.companyFen], [7_000_000, 2_100_000]);
  });

  test('paid through payout statements: a statement per recipient, lines equal the allocation, each line once', async () => {
    env.clock.advance(100 * 86_400_000);
    await signIn();
    const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
    const period = (await read(env.kernel).selectFrom('sup_star_applications').select('period').where('id', '=', first).executeTakeFirstOrThrow()).period;
    const made = await generatePayouts(system, { kind: STARS_PAYOUT_KIND, streetId: w.places.S, period });
    assert.deepEqual([made.created, made.lines], [3, 3]);
    const again = await generatePayouts(system, { kind: STARS_PAYOUT_KIND, streetId: w.places.S, period });
    assert.equal(again.lines, 0);
    const total = await read(env.kernel).selectFrom('payout_lines as l').innerJoin('payout_statements as s', 's.id', 'l.statement_id').select((eb) => eb.fn.sum<number>('l.amount_fen').as('sum')).where('s.kind', '=', STARS_PAYOUT_KIND).executeTakeFirstOrThrow();
    assert.equal(Number(total.sum), 7_000_000);
    // Once on a statement, the allocation no longer changes.
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', `/api/supervision/stars/applications/${first}/allocation`, { lines: [{ recipientKind: 'other', recipientName: '志愿队', amountFen: 7_000_000, purpose: 'x' }] }), 409, 'ALLOCATION_PAID');
  });

  test('one level up from the highest held: 90.00 exactly gives ★5 示范引领型 and a reward of 100,000.00', async () => {
    const id = await scored(5, 750);
    const d = (await official.request('GET', `/api/supervision/stars/applications/${id}`)).body;
    assert.deepEqual([d.scoreCenti, d.stars, d.typeZh], [9000, 5, '示范引领型']);
    await confirm(id);
    const after = (await official.request('GET', `/api/supervision/stars/applications/${id}`)).body;
    assert.deepEqual([after.reward.amountFen, after.reward.fromStars, after.reward.toStars], [10_000_000, 4, 5]);
    const history = (await company.request('GET', `/api/supervision/stars/compounds/${w.places.A}/history`)).body;
    assert.deepEqual(history.items.map((h: { stars: number }) => h.stars), [5, 4]);
  });

  test('the resident sees the star in force on the home; the public list shows it without personal data', async () => {
    const resident = await signInClient(env.app, '13800000001');
    const home = (await resident.request('GET', '/api/me/home')).body;
    assert.ok(JSON.stringify(home).includes('"supervisionStars"'), JSON.stringify(home).slice(0, 400));
    const pub = await resident.request('GET', `/api/public/supervision.stars/${w.places.S}`);
    assert.equal(pub.status, 200);
    assert.deepEqual(pub.body.sections[1].rows[0].slice(0, 3), ['阳光花园', '★★★★★', '示范引领型']);
  });
});

describe('settings and lists', () => {
  test('settings: minimums must rise; the company’s share never above 30%; saved otherwise', async () => {
    const body = { streetId: w.places.S, minimums: { '2': 6000, '3': 7000, '4': 8000, '5': 9000 }, rewardsFen: { '1': 0, '2': 0, '3': 2_000_000, '4': 5_000_000, '5': 10_000_000 }, companyMaxPercent: 30 };
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', '/api/supervision/stars/settings', { ...body, minimums: { ...body.minimums, '4': 7000 } }), 400, 'MINIMUMS_INVALID');
    await expectRefused(env.kernel, TABLES, () => official.request('PUT', '/api/supervision/stars/settings', { ...body, companyMaxPercent: 31 }), 400, 'SHARE_ABOVE_CAP');
    await expectRefused(env.kernel, TABLES, () => staff.request('PUT', '/api/supervision/stars/settings', body), 403, 'FORBIDDEN');
    const saved = await official.request('PUT', '/api/supervision/stars/settings', { ...body, companyMaxPercent: 25 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.bands.map((b: { stars: number; from: number; to: number }) => [b.stars, b.from, b.to]), [[5, 9000, 10000], [4, 8000, 9000], [3, 7000, 8000], [2, 6000, 7000], [1, 0, 6000]]);
    assert.equal((await company.request('GET', `/api/supervision/stars/settings?streetId=${w.places.S}`)).body.companyMaxPercent, 25);
  });

  test('the lists sort by every key', async () => {
    // Three compounds with known values (Latin names: a collation-proof order), an application and a star each.
    const system = { kernel: env.kernel, actor: SYSTEM_ACTOR };
    const compounds: string[] = [];
    for (const name of ['Sort-A', 'Sort-B', 'Sort-C']) compounds.push((await createPlace(system, { parentId: w.places.G1, kind: 'compound', name, compound: { managementMode: 'self_managed', propertyCompanyId: null } })).id);
    const t = (d: number) => new Date(Date.parse('2026-10-05T10:00:00+08:00') + d * 86_400_000);
    const apps = compounds.map(() => newId());
    const rows = [
      { status: 'confirmed' as const, level: 3, score: 7100, applied: 2, stars: 3, confirmed: 30 },
      { status: 'applied' as const, level: 5, score: null, applied: 1, stars: 1, confirmed: 10 },
      { status: 'assigned' as const, level: 4, score: 8800, applied: 3, stars: 2, confirmed: 20 },
    ];
    await write(system, async (tx) => {
      for (const [i, r] of rows.entries()) {
        await tx
          .insertInto('sup_star_applications')
          .values({ street_id: w.places.S, id: apps[i]!, compound_id: compounds[i]!, period: '2026-Q4', level: r.level, stars_before: 0, status: r.status, applicant_name: 'x', applied_at: t(r.applied), assessor_id: r.status === 'applied' ? null : w.accounts.assessor, assessor_name: 'assessor', score_centi: r.score, confirmed_at: r.status === 'confirmed' ? t(40) : null })
          .execute();
        await tx
          .insertInto('sup_compound_stars')
          .values({ street_id: w.places.S, id: newId(), compound_id: compounds[i]!, application_id: apps[i]!, period: '2026-Q4', stars: r.stars, type: starType(r.stars), score_centi: r.stars * 1500, confirmed_at: t(r.confirmed) })
          .execute();
      }
    });
    const [a, b, c] = apps as [string, string, string];
    await expectSorts(env.kernel, official, '/api/supervision/stars/applications', ApplicationsSort, {
      appliedAt: [b, a, c],
      compound: [a, b, c],
      level: [a, c, b],
      status: [b, c, a],
      score: { asc: [a, c, b], desc: [c, a, b] },
    });
    const [x, y, z] = compounds as [string, string, string];
    await expectSorts(env.kernel, official, '/api/supervision/stars/compounds', CompoundStarsSort, { stars: [y, z, x], compound: [x, y, z], score: [y, z, x], since: [y, z, x] });
    const xlsx = await official.request('GET', '/api/supervision/stars/compounds/export.xlsx');
    assert.equal(xlsx.status, 200);
  });
});
