import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, type FilePart, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { expectRefused } from '../../test/harness.ts';
import { COMMITTEE_DIMENSIONS, type CommitteeDimension, DEFAULT_COMMITTEE_WEIGHTS, DEFAULT_STAR_MINS } from './supervision.committees.constants.ts';
import { starsOf, weightedScore } from './supervision.committees.scoring.ts';

/**
 * 红色业委会 over HTTP on the test world (server/test/fixture.ts): 阳光花园业委会 at compound A of street S; the clock
 * stands in 2026. The weighted score and stars are hand-computed at the band boundaries with the default weights
 * (党建 25, 规范 20, 履职 25, 评价 20, 创新 10) and thresholds (★5 ≥ 90, ★4 ≥ 80, ★3 ≥ 70, ★2 ≥ 60).
 */
const { env, w, afterSetUp } = useWorld();
const c = new Map<string, Client>();
const as = (who: string) => c.get(who)!;
const T = '/api/supervision/committees';
const TABLES = ['sup_committee_settings', 'sup_committee_ratings', 'sup_committee_scores', 'sup_committee_files', 'audit_log'];

const png = (seed = 1): FilePart => {
  const content = Buffer.alloc(256, seed);
  content.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return { filename: `evidence${seed}.png`, type: 'image/png', content };
};
const all = (v: number) => Object.fromEntries(COMMITTEE_DIMENSIONS.map((d) => [d, v])) as Record<CommitteeDimension, number>;

afterSetUp(async () => {
  for (const who of ['street_official', 'community_secretary', 'owners_committee_member', 'property_manager']) c.set(who, await signInClient(env.app, who, PASSWORD, { fileField: 'file' }));
});

/** A draft rating of 阳光花园业委会 for a year, scored as given, with evidence on the dimensions given (all by default). */
async function rated(period: string, scores: Record<CommitteeDimension, number>, evidence: readonly CommitteeDimension[] = COMMITTEE_DIMENSIONS) {
  const started = await as('street_official').request('POST', `${T}/ratings`, { committeeId: w.organisations.ownersCommitteeA, period });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const id = started.body.id as string;
  for (const d of COMMITTEE_DIMENSIONS) {
    const r = await as('street_official').request('PUT', `${T}/ratings/${id}/scores/${d}`, { scoreCenti: scores[d], note: `${d} 说明` });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  for (const [i, d] of evidence.entries()) assert.equal((await as('street_official').upload(`${T}/ratings/${id}/scores/${d}/files`, {}, [png(i + 1)])).status, 201);
  return id;
}

describe('the weighted score and stars (hand-computed at the boundaries)', () => {
  const W = DEFAULT_COMMITTEE_WEIGHTS;
  const M = DEFAULT_STAR_MINS;
  test('exactly 90.00 is ★5; 89.995 (Σ = 899950) rounds half up to 90.00 → ★5; 89.9925 rounds down to 89.99 → ★4', () => {
    assert.equal(weightedScore(all(9000), W), 9000);
    assert.equal(starsOf(9000, M), 5);
    // 党建 89.98 × 25 + 90 × (20 + 25 + 20 + 10) = 224950 + 675000 = 899950 → 8999.50 → 9000.
    assert.equal(weightedScore({ ...all(9000), party: 8998 }, W), 9000);
    // 党建 89.97 × 25 + 675000 = 899925 → 8999.25 → 8999.
    assert.equal(weightedScore({ ...all(9000), party: 8997 }, W), 8999);
    assert.equal(starsOf(8999, M), 4);
  });
  test('each band is half-open: 80.00 ★4, 79.99 ★3, 70.00 ★3, 69.99 ★2, 60.00 ★2, 59.99 ★1, 0 ★1, 100 ★5', () => {
    assert.deepEqual([8000, 7999, 7000, 6999, 6000, 5999, 0, 10000].map((s) => starsOf(s, M)), [4, 3, 3, 2, 2, 1, 1, 5]);
  });
  test('a mixed case: 95, 80, 70, 88.5, 60 → (2375 + 1600 + 1750 + 1770 + 600) = 80.95 → ★4', () => {
    assert.equal(weightedScore({ party: 9500, rules: 8000, effectiveness: 7000, evaluation: 8850, innovation: 6000 }, W), 8095);
  });
});

describe('rating a committee with evidence', () => {
  test('submit: 89.995 becomes 90.00 and ★5, with the settings used; then frozen (409) and listed', async () => {
    const id = await rated('2025', { ...all(9000), party: 8998 });
    const res = await as('street_official').request('POST', `${T}/ratings/${id}/submit`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.status, res.body.scoreCenti, res.body.stars, res.body.editable], ['submitted', 9000, 5, false]);
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('PUT', `${T}/ratings/${id}/scores/party`, { scoreCenti: 1000 }), 409, 'RATING_SUBMITTED');
    await expectRefused(env.kernel, TABLES, () => as('street_official').upload(`${T}/ratings/${id}/scores/party/files`, {}, [png(9)]), 409, 'RATING_SUBMITTED');
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/ratings/${id}/submit`), 409, 'RATING_SUBMITTED');
    const fileId = res.body.dimensions[0].files[0].id;
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('DELETE', `${T}/ratings/${id}/files/${fileId}`), 409, 'RATING_SUBMITTED');
    // One rating per committee and year: a submitted one stands.
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/ratings`, { committeeId: w.organisations.ownersCommitteeA, period: '2025' }), 409, 'RATING_EXISTS');
    const list = await as('street_official').request('GET', `${T}/ratings?period=2025`);
    assert.deepEqual(list.body.items.map((r: any) => [r.committeeName, r.compoundName, r.stars, r.scoreCenti]), [['阳光花园业委会', '阳光花园', 5, 9000]]);
    const file = await as('street_official').request('GET', `${T}/ratings/${id}/files/${fileId}`);
    assert.equal(file.status, 200);
  });

  test('evidence is required on every dimension: missing on one → 400 naming it, nothing written', async () => {
    const id = await rated('2026', all(7000), ['party', 'rules', 'effectiveness', 'evaluation']);
    const err = await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/ratings/${id}/submit`), 400, 'EVIDENCE_MISSING');
    assert.match(err.message, /创新特色/);
  });

  test('every dimension must be scored', async () => {
    const started = await as('street_official').request('POST', `${T}/ratings`, { committeeId: w.organisations.ownersCommitteeA, period: '2026' });
    await as('street_official').request('PUT', `${T}/ratings/${started.body.id}/scores/party`, { scoreCenti: 9000 });
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/ratings/${started.body.id}/submit`), 400, 'SCORE_MISSING');
  });

  test('a new rating replaces a draft of the same year (its scores and evidence go); a future year is refused', async () => {
    const first = await as('community_secretary').request('POST', `${T}/ratings`, { committeeId: w.organisations.ownersCommitteeA, period: '2024' });
    await as('community_secretary').request('PUT', `${T}/ratings/${first.body.id}/scores/party`, { scoreCenti: 9000 });
    const second = await as('community_secretary').request('POST', `${T}/ratings`, { committeeId: w.organisations.ownersCommitteeA, period: '2024' });
    assert.equal(second.status, 201);
    assert.notEqual(second.body.id, first.body.id);
    assert.equal((await as('community_secretary').request('GET', `${T}/ratings/${first.body.id}`)).status, 404);
    assert.equal(second.body.dimensions[0].scoreCenti, null);
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('POST', `${T}/ratings`, { committeeId: w.organisations.ownersCommitteeA, period: '2027' }), 400, 'PERIOD_FUTURE');
  });

  test("the committee's page: its history (submitted only for a member; a draft for raters), per-dimension scores and evidence", async () => {
    const member = await as('owners_committee_member').request('GET', `${T}/${w.organisations.ownersCommitteeA}`);
    assert.equal(member.status, 200);
    assert.deepEqual(member.body.history.map((h: any) => [h.period, h.status, h.stars]), [['2025', 'submitted', 5]]);
    assert.equal(member.body.history[0].dimensions.length, 5);
    assert.equal(member.body.history[0].dimensions[0].files.length, 1);
    const rater = await as('street_official').request('GET', `${T}/${w.organisations.ownersCommitteeA}`);
    assert.deepEqual(rater.body.history.map((h: any) => [h.period, h.status]), [['2026', 'draft'], ['2025', 'submitted'], ['2024', 'draft']]);
  });

  test('the ranking as xlsx', async () => {
    const res = await as('street_official').request('GET', `${T}/ratings/export.xlsx?period=2025`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    assert.deepEqual([wb.worksheets[0]!.getRow(2).getCell(2).value, wb.worksheets[0]!.getRow(2).getCell(4).value], ['阳光花园业委会', '★★★★★']);
  });
});

describe('settings', () => {
  test('weights must add up to exactly 100 and thresholds rise; a community secretary rates but does not set them', async () => {
    const body = { streetId: w.places.S, weights: DEFAULT_COMMITTEE_WEIGHTS, starMins: DEFAULT_STAR_MINS };
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('PATCH', `${T}/settings`, { ...body, weights: { ...DEFAULT_COMMITTEE_WEIGHTS, innovation: 11 } }), 400, 'WEIGHTS_INVALID');
    await expectRefused(env.kernel, TABLES, () => as('street_official').request('PATCH', `${T}/settings`, { ...body, starMins: { ...DEFAULT_STAR_MINS, '4': 7000 } }), 400, 'STARS_INVALID');
    await expectRefused(env.kernel, TABLES, () => as('community_secretary').request('PATCH', `${T}/settings`, body), 403, 'FORBIDDEN');
    const ok = await as('street_official').request('PATCH', `${T}/settings`, { ...body, starMins: { '2': 5000, '3': 6500, '4': 8000, '5': 9500 } });
    assert.equal(ok.status, 200);
    const got = await as('community_secretary').request('GET', `${T}/settings?streetId=${w.places.S}`);
    assert.deepEqual([got.body.version, got.body.starMins['5']], [1, 9500]);
    // The submitted 2025 rating keeps its ★5 and the settings it was computed with.
    const list = await as('street_official').request('GET', `${T}/ratings?period=2025`);
    assert.equal(list.body.items[0].stars, 5);
  });
});
