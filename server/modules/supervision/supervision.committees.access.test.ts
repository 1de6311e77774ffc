import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STAFF_ROLES, type StaffRole } from '../../kernel/access/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { type Client, ctxFor, signInClient } from '../../test/client.ts';
import { PASSWORD, useWorld } from '../../test/fixture.ts';
import { createOrganisation } from '../registry/index.ts';
import { COMMITTEE_DIMENSIONS } from './supervision.committees.constants.ts';
import { addCommitteeFile } from './use-cases/committee-rating-files.ts';
import { saveCommitteeScore } from './use-cases/save-committee-score.ts';
import { startCommitteeRating } from './use-cases/start-committee-rating.ts';
import { submitCommitteeRating } from './use-cases/submit-committee-rating.ts';

/**
 * The access matrix of 红色业委会: each role on 阳光花园业委会 (compound A, inside every role's grant of the fixture), on
 * 明月小区业委会 (compound B, community C2: inside the street's grants only) and on 远方小区业委会 (street S2: outside
 * all). Allowed → the success status; visible but not the role's → 403; not visible → 404; a list → 403 for a
 * role without the permission anywhere. Raters: street official (street), community secretary (community). Readers:
 * the officials, the platform admin and the owners' committee member — at their own committee only. A property
 * company is denied everything. The role lists are written out again on purpose.
 */
const RATE: StaffRole[] = ['street_official', 'community_secretary'];
const READ: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'owners_committee_member'];
/** Grants on the street (not a community or a compound): they reach 明月小区 in community C2 too. */
const STREET_WIDE: StaffRole[] = ['platform_admin', 'street_official', 'property_committee_member', 'department_reviewer', 'assessor'];

type Who = StaffRole | 'resident';
const WHO: Who[] = [...STAFF_ROLES, 'resident'];
const { env, w, afterSetUp } = useWorld();
const clients = new Map<Who, Client>();
let official: Ctx;
let zofficial: Ctx;
let committeeB: string;
const submitted: Record<'A' | 'B' | 'Z', string> = {} as never;
const T = '/api/supervision/committees';

const png = () => {
  const content = Buffer.alloc(128, 7);
  content.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return { filename: 'e.png', mimetype: 'image/png', content };
};
async function submittedRating(ctx: Ctx, committeeId: string) {
  const r = await startCommitteeRating(ctx, { committeeId, period: '2025' });
  for (const d of COMMITTEE_DIMENSIONS) {
    await saveCommitteeScore(ctx, r.id, d, { scoreCenti: 8500, note: '' });
    await addCommitteeFile(ctx, r.id, d, async () => png());
  }
  await submitCommitteeRating(ctx, r.id);
  return r.id;
}

afterSetUp(async () => {
  committeeB = (await createOrganisation(w.ctx, { placeId: w.places.B, kind: 'owners_committee', name: '明月小区业委会' })).id;
  official = await ctxFor(env.kernel, w.accounts.street_official);
  // The other street's official: a street_official grant at S2, made through the registry-free kernel accounts.
  const { createAccount, grantRole } = await import('../../kernel/auth/accounts.ts');
  const { hashPassword } = await import('../../kernel/auth/passwords.ts');
  const { write } = await import('./supervision.db.ts');
  const id = await write(w.ctx, async (tx) => {
    const a = await createAccount(tx, env.kernel.pii, { username: 'zofficial', displayName: 'zofficial', password: PASSWORD, passwordHash: await hashPassword(PASSWORD) });
    await grantRole(tx, a, 'street_official', w.places.S2);
    return a;
  });
  zofficial = await ctxFor(env.kernel, id);
  submitted.A = await submittedRating(official, w.organisations.ownersCommitteeA);
  submitted.B = await submittedRating(official, committeeB);
  submitted.Z = await submittedRating(zofficial, w.organisations.ownersCommitteeZ);
  for (const role of STAFF_ROLES) clients.set(role, await signInClient(env.app, role, PASSWORD, { fileField: 'file' }));
  clients.set('resident', await signInClient(env.app, '13800000001', PASSWORD));
});

type Where = 'A' | 'B' | 'Z';
const committeeOf = (where: Where) => (where === 'A' ? w.organisations.ownersCommitteeA : where === 'B' ? committeeB : w.organisations.ownersCommitteeZ);
/** Who sees committees at a place: readers and raters whose grant covers it. */
const sees = (who: Who, where: Where) => where !== 'Z' && (READ as Who[]).concat(RATE).includes(who) && (where === 'A' || STREET_WIDE.includes(who as StaffRole));
const rates = (who: Who, where: Where) => sees(who, where) && (RATE as Who[]).includes(who);

const expected = (allowed: boolean, visible: boolean, success: number) => (allowed ? success : visible ? 403 : 404);

describe("a committee's page and its ratings", () => {
  for (const where of ['A', 'B', 'Z'] as const) {
    test(`GET /committees/:id and GET a submitted rating and its evidence — ${where}`, async () => {
      for (const who of WHO) {
        const c = clients.get(who)!;
        const page = await c.request('GET', `${T}/${committeeOf(where)}`);
        assert.equal(page.status, sees(who, where) ? 200 : 404, `${who} page ${where}`);
        const rating = await c.request('GET', `${T}/ratings/${submitted[where]}`);
        assert.equal(rating.status, sees(who, where) ? 200 : 404, `${who} rating ${where}`);
      }
    });
    test(`POST /committees/ratings (start) — ${where}`, async () => {
      for (const who of WHO) {
        const res = await clients.get(who)!.request('POST', `${T}/ratings`, { committeeId: committeeOf(where), period: '2026' });
        assert.equal(res.status, expected(rates(who, where), sees(who, where), 201), `${who} start ${where}: ${JSON.stringify(res.body)}`);
      }
    });
  }
  test('a draft is seen, scored and given evidence by raters only (a member: 404)', async () => {
    const draft = await startCommitteeRating(official, { committeeId: w.organisations.ownersCommitteeA, period: '2024' });
    for (const who of WHO) {
      const c = clients.get(who)!;
      const got = await c.request('GET', `${T}/ratings/${draft.id}`);
      assert.equal(got.status, rates(who, 'A') ? 200 : 404, `${who} draft`);
      const put = await c.request('PUT', `${T}/ratings/${draft.id}/scores/party`, { scoreCenti: 9000, note: '' });
      assert.equal(put.status, rates(who, 'A') ? 200 : 404, `${who} score`);
    }
  });
});

describe('lists', () => {
  test('the ranking: raters and readers see the committees of their places (a member: their own); others 403', async () => {
    for (const who of WHO) {
      const res = await clients.get(who)!.request('GET', `${T}/ratings?period=2025`);
      const any = (READ as Who[]).concat(RATE).includes(who);
      assert.equal(res.status, any ? 200 : 403, `${who} ranking`);
      if (!any) continue;
      const names = res.body.items.map((r: any) => r.committeeName).sort();
      const want = (['A', 'B'] as const).filter((x) => sees(who, x)).map((x) => (x === 'A' ? '阳光花园业委会' : '明月小区业委会')).sort();
      assert.deepEqual(names, want, `${who} ranking rows`);
    }
  });
  test("the committees to rate: the places' committees, canRate for raters", async () => {
    const sec = await clients.get('community_secretary')!.request('GET', `${T}?period=2025`);
    assert.deepEqual(sec.body.map((r: any) => [r.name, r.stars, r.canRate]), [['阳光花园业委会', 4, true]]);
    const member = await clients.get('owners_committee_member')!.request('GET', `${T}?period=2025`);
    assert.deepEqual(member.body.map((r: any) => [r.name, r.canRate]), [['阳光花园业委会', false]]);
    assert.equal((await clients.get('property_manager')!.request('GET', `${T}?period=2025`)).status, 403);
  });
});
