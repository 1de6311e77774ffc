import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { MODULES } from '../app.ts';
import { SYSTEM_ACTOR, insertPlace } from '../kernel/access/index.ts';
import { type Ctx, write } from '../kernel/context.ts';
import { type FigureDefinition, figureCatalogue, rollUp, takeMonthEndSnapshots, useFigures } from '../kernel/figures/figures.ts';
import { buildServer } from '../kernel/http/server.ts';
import { newId } from '../kernel/ids.ts';
import { createAccount, grantRole } from '../kernel/auth/accounts.ts';
import { countRows, expectRefused, signIn } from './harness.ts';
import { PASSWORD, useKernelWorld } from './kernel-fixture.ts';

/**
 * The figures' machinery on the kernel's world, with a figure of the test's own — approval requests
 * filed in the month, a plain count over a kernel table — beside the modules' figures: month
 * boundaries in Shanghai, the month-end job taking each month once and never rewriting it, the
 * current month re-taken on demand, a closed one only with a reason, regions summing their streets,
 * who may read and take what, bad input, and a clashing key refused at startup.
 */
const { env, w, signedIn } = useKernelWorld();
const admin = signedIn('platform_admin');
const official = signedIn('street_official');
const committee = signedIn('property_committee_member');
const secretary = signedIn('community_secretary');
const staff = signedIn('committee_staff');
const grid = signedIn('grid_worker');
const manager = signedIn('property_manager');
const owners = signedIn('owners_committee_member');
const resident = signedIn('13800000001');

const requests: FigureDefinition = {
  key: 'test.requests',
  name: { zh: '审批申请数', en: 'Approval requests' },
  definition: { zh: '当月提交的审批申请', en: 'Approval requests filed in the month' },
  numerator: { zh: '申请', en: 'Requests' },
  unit: 'count',
  placeKinds: ['street', 'community', 'grid', 'compound'],
  async count(db, at) {
    const rows = await sql<{ placeId: string; numerator: number }>`
      select up.place_id as "placeId", count(*)::int as numerator
      from approvals a join street_places p on p.street_id = a.street_id and p.id = a.place_id
      ${rollUp('p.path', at)}
      where a.street_id = ${at.streetId} and a.requested_at >= ${at.from} and a.requested_at < ${at.to}
      group by up.place_id`.execute(db);
    return rows.rows.map((r) => ({ ...r, denominator: null }));
  },
};

const TABLES = ['figure_snapshots', 'audit_log'];
const at = (iso: string) => new Date(iso);
const setClock = (iso: string) => env.clock.advance(Date.parse(iso) - env.clock.now().getTime());

/** An approval request filed at `placeId` at `when`: what the test figure counts. */
async function request(placeId: string, streetId: string, when: string) {
  await env.kernel.db
    .insertInto('approvals')
    .values({ street_id: streetId, id: newId(), kind: 'test', place_id: placeId, summary: 'x', payload: '{}', requested_by: w.accounts.street_official, requested_at: at(when) })
    .execute();
}
const snapshot = async (placeId: string, period: string) =>
  (await env.kernel.db.selectFrom('figure_snapshots').selectAll().where('figure_key', '=', 'test.requests').where('place_id', '=', placeId).where('period', '=', period).executeTakeFirst()) ??
  null;

describe('figures', () => {
  before(() => {
    // The app's figures and the test's own, as buildServer would set them from a module list that had it.
    useFigures([...MODULES, { name: 'test', figures: [requests] }]);
  });

  test('a month ends at midnight in Shanghai: 23:59:59 on its last day counts in it, 00:00:00 the next day does not', async () => {
    await request(w.places.A, w.places.S, '2026-10-01T00:00:00+08:00');
    await request(w.places.A, w.places.S, '2026-10-31T23:59:59+08:00');
    await request(w.places.A, w.places.S, '2026-11-01T00:00:00+08:00');
    await request(w.places.A, w.places.S, '2026-09-30T23:59:59+08:00');
    // The clock: 22 November. The job takes October.
    const taken = await takeMonthEndSnapshots(env.kernel);
    assert.equal(taken.streets, 2, 'both streets of the world');
    for (const place of [w.places.A, w.places.G1, w.places.C1, w.places.S]) assert.equal(Number((await snapshot(place, '2026-10'))!.numerator), 2);
    assert.equal((await snapshot(w.places.A, '2026-10'))!.taken_by, null, 'taken by the job');
    assert.equal((await snapshot(w.places.A, '2026-10'))!.counted_to.toISOString(), at('2026-11-01T00:00:00+08:00').toISOString());
    assert.equal(await snapshot(w.places.A1, '2026-10'), null, 'buildings are not kept for this figure');
    assert.equal(await snapshot(w.places.A, '2026-11'), null, 'the running month is not the job’s');
    // Every module's figure was taken too, zero where the world has nothing.
    const keys = await env.kernel.db.selectFrom('figure_snapshots').select('figure_key').distinct().where('street_id', '=', w.places.S).where('period', '=', '2026-10').execute();
    assert.equal(keys.length, MODULES.flatMap((m) => m.figures ?? []).length + 1);
  });

  test('the job takes each month once and never rewrites a closed month', async () => {
    const before = await countRows(env.kernel, TABLES);
    assert.deepEqual(await takeMonthEndSnapshots(env.kernel), { streets: 0, rows: 0 });
    await request(w.places.A, w.places.S, '2026-10-15T12:00:00+08:00');
    assert.deepEqual(await takeMonthEndSnapshots(env.kernel), { streets: 0, rows: 0 });
    assert.deepEqual(await countRows(env.kernel, TABLES), before, 'nothing written, nothing audited');
    assert.equal(Number((await snapshot(w.places.A, '2026-10'))!.numerator), 2, 'October as it was taken');
    const entries = await env.kernel.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'figures.snapshot.taken').execute();
    assert.equal(entries.length, 2, 'one entry per street');
  });

  test('an official re-takes the current month, replacing it; a closed month only with a reason', async () => {
    await request(w.places.A, w.places.S, '2026-11-02T08:00:00+08:00');
    const first = await official.request('POST', '/api/figures/snapshots', { placeId: w.places.S });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.period, '2026-11');
    assert.equal(Number((await snapshot(w.places.A, '2026-11'))!.numerator), 2);
    await request(w.places.A, w.places.S, '2026-11-10T09:00:00+08:00');
    await request(w.places.A, w.places.S, '2026-11-22T08:30:00+08:00');
    assert.equal((await official.request('POST', '/api/figures/snapshots', { placeId: w.places.S, period: '2026-11' })).status, 200);
    const now = (await snapshot(w.places.A, '2026-11'))!;
    assert.equal(Number(now.numerator), 4, 'replaced');
    assert.equal(now.taken_by, w.accounts.street_official);
    assert.equal(now.counted_to.toISOString(), env.clock.now().toISOString(), 'counted up to now');

    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/figures/snapshots', { placeId: w.places.S, period: '2026-10' }), 400, 'FIGURE_REASON_REQUIRED');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/figures/snapshots', { placeId: w.places.S, period: '2026-10', reason: '  ' }), 400, 'FIGURE_REASON_REQUIRED');
    await expectRefused(env.kernel, TABLES, () => official.request('POST', '/api/figures/snapshots', { placeId: w.places.S, period: '2026-12' }), 400, 'FIGURE_PERIOD_FUTURE');
    assert.equal(Number((await snapshot(w.places.A, '2026-10'))!.numerator), 2);
    const retaken = await official.request('POST', '/api/figures/snapshots', { placeId: w.places.S, period: '2026-10', reason: '补录10月15日的申请' });
    assert.equal(retaken.status, 200);
    const october = (await snapshot(w.places.A, '2026-10'))!;
    assert.equal(Number(october.numerator), 3);
    assert.equal(october.counted_to.toISOString(), at('2026-11-01T00:00:00+08:00').toISOString(), 'counted to the month’s end, not to now');
    const entry = await env.kernel.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'figures.snapshot.retaken').executeTakeFirstOrThrow();
    assert.equal(entry.actor_id, w.accounts.street_official);
    assert.equal((entry.detail as { reason: string }).reason, '补录10月15日的申请');
  });

  test('a figure for a place: its parts, last month, the history and the places one level down', async () => {
    const res = await official.request('GET', `/api/figures/test.requests?placeId=${w.places.S}&period=2026-11`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.numerator, 4);
    assert.equal(res.body.denominator, null);
    assert.deepEqual({ period: res.body.previous.period, numerator: res.body.previous.numerator }, { period: '2026-10', numerator: 3 });
    assert.deepEqual(
      res.body.history.slice(-3).map((h: { period: string; numerator: number | null }) => [h.period, h.numerator]),
      [['2026-09', null], ['2026-10', 3], ['2026-11', 4]],
      'September was never taken',
    );
    assert.equal(res.body.history.length, 12);
    assert.deepEqual(res.body.children.map((c: { place: { id: string }; numerator: number }) => [c.place.id, c.numerator]), [[w.places.C1, 4]]);
    // A community's children skip the grid level only when no grid is kept: here the grid is.
    const community = await secretary.request('GET', `/api/figures/test.requests?placeId=${w.places.C1}&period=2026-11`);
    assert.deepEqual(community.body.children.map((c: { place: { id: string } }) => c.place.id), [w.places.G1]);

    const report = await official.request('GET', `/api/figures/report?placeId=${w.places.A}&period=2026-11`);
    assert.equal(report.status, 200);
    const mine = report.body.items.find((i: { key: string }) => i.key === 'test.requests');
    assert.deepEqual([mine.current.numerator, mine.previous.numerator], [4, 3]);
    assert.equal(report.body.previousPeriod, '2026-10');
    const catalogue = await official.request('GET', '/api/figures');
    assert.ok(catalogue.body.items.some((f: { key: string; name: { zh: string } }) => f.key === 'activation.rate' && f.name.zh === '居民激活率'));
  });

  test("a region's figure is the sum of its streets, read now; its children are its streets", async () => {
    const ctx: Ctx = { kernel: env.kernel, actor: SYSTEM_ACTOR };
    const p = await write(ctx, async (tx) => {
      const D = await insertPlace(tx, { parent: null, kind: 'district', name: '测试区' });
      const T1 = await insertPlace(tx, { parent: D, kind: 'street', name: '东街道' });
      const T2 = await insertPlace(tx, { parent: D, kind: 'street', name: '西街道' });
      const X1 = await insertPlace(tx, { parent: T1, kind: 'community', name: '东社区' });
      // A platform admin of the district (the world's holds the street S).
      const account = await createAccount(tx, env.kernel.pii, { username: 'district', displayName: 'district', password: PASSWORD });
      await grantRole(tx, account, 'platform_admin', D.id);
      return { D: D.id, T1: T1.id, T2: T2.id, X1: X1.id };
    });
    const admin = await signIn(env.app, 'district');
    await request(p.X1, p.T1, '2026-11-03T10:00:00+08:00');
    await request(p.X1, p.T1, '2026-11-04T10:00:00+08:00');
    await request(p.T2, p.T2, '2026-11-05T10:00:00+08:00');
    for (const street of [p.T1, p.T2]) {
      assert.equal((await admin.request('POST', '/api/figures/snapshots', { placeId: street })).status, 200);
    }
    const region = await admin.request('GET', `/api/figures/test.requests?placeId=${p.D}&period=2026-11`);
    assert.equal(region.status, 200, JSON.stringify(region.body));
    assert.equal(region.body.numerator, 3);
    assert.deepEqual(
      region.body.children.map((c: { place: { id: string }; numerator: number }) => [c.place.id, c.numerator]),
      [[p.T1, 2], [p.T2, 1]],
    );
    // Percent figures sum their parts, not their rates: compounds counted per street add up.
    const coverage = await admin.request('GET', `/api/figures/registry.owners_committee_rate?placeId=${p.D}&period=2026-11`);
    assert.equal(coverage.status, 200);
    assert.deepEqual([coverage.body.numerator, coverage.body.denominator, coverage.body.value], [0, 0, null]);
    // Nothing is stored for the region itself: regions hold no records.
    assert.equal((await env.kernel.db.selectFrom('figure_snapshots').select('place_id').where('place_id', '=', p.D).execute()).length, 0);
  });

  test('who reads which place’s figures, and who takes snapshots', async () => {
    const read = (s: typeof official, place: string) => s.request('GET', `/api/figures/test.requests?placeId=${place}&period=2026-11`).then((r) => r.status);
    const report = (s: typeof official, place: string) => s.request('GET', `/api/figures/report?placeId=${place}&period=2026-11`).then((r) => r.status);
    // [who, places they read (200), places they do not (404)]
    const matrix: [typeof official, string[], string[]][] = [
      [admin, ['S', 'C1', 'G1', 'A'], ['S2']],
      [official, ['S', 'C1', 'A'], ['S2']],
      [committee, ['S', 'A'], ['S2']],
      [secretary, ['C1', 'G1', 'A'], ['S', 'S2']],
      [staff, ['C1', 'A'], ['S']],
      [grid, [], ['G1', 'A', 'S']],
      [manager, [], ['A', 'S']],
      [owners, [], ['A']],
      [resident, [], ['A', 'S']],
    ];
    const places = w.places as Record<string, string>;
    for (const [who, allowed, denied] of matrix) {
      for (const p of allowed) {
        assert.equal(await read(who, places[p]!), 200, `${who.login} reads ${p}`);
        assert.equal(await report(who, places[p]!), 200, `${who.login} reads the report of ${p}`);
      }
      for (const p of denied) {
        assert.equal(await read(who, places[p]!), 404, `${who.login} may not read ${p}`);
        assert.equal(await report(who, places[p]!), 404, `${who.login} may not read the report of ${p}`);
      }
    }
    // Taking: platform admin and street official on their street; readers below them may not.
    const take = (s: typeof official, place: string) => s.request('POST', '/api/figures/snapshots', { placeId: place });
    for (const who of [admin, official]) assert.equal((await take(who, w.places.S)).status, 200, `${who.login} takes S`);
    await expectRefused(env.kernel, TABLES, () => take(committee, w.places.S), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => take(secretary, w.places.C1), 403, 'FORBIDDEN');
    await expectRefused(env.kernel, TABLES, () => take(secretary, w.places.S), 404, 'FIGURE_PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => take(official, w.places.S2), 404, 'FIGURE_PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => take(grid, w.places.S), 404, 'FIGURE_PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => take(resident, w.places.S), 404, 'FIGURE_PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, () => take(official, w.places.C1), 400, 'FIGURE_STREET_ONLY');
  });

  test('bad input is refused with a code and writes nothing', async () => {
    const get = (url: string) => () => official.request('GET', url);
    await expectRefused(env.kernel, TABLES, get(`/api/figures/test.nothing?placeId=${w.places.S}`), 404, 'FIGURE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, get(`/api/figures/test.requests?placeId=${w.places.S}&period=2026-13`), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, get(`/api/figures/test.requests?placeId=${w.places.S}&period=2026-1`), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, get('/api/figures/test.requests?placeId=not-a-uuid'), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, get(`/api/figures/test.requests?placeId=${newId()}`), 404, 'FIGURE_PLACE_NOT_FOUND');
    await expectRefused(env.kernel, TABLES, get(`/api/figures/test.requests?placeId=${w.places.A1}`), 400, 'FIGURE_NOT_KEPT_HERE');
    await expectRefused(env.kernel, TABLES, get('/api/figures/report?period=2026-12'), 400, 'VALIDATION_FAILED');
    const post = (body: unknown) => () => official.request('POST', '/api/figures/snapshots', body);
    await expectRefused(env.kernel, TABLES, post({ placeId: w.places.S, period: '2026-00' }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, post({ placeId: 'x' }), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, post({}), 400, 'VALIDATION_FAILED');
    await expectRefused(env.kernel, TABLES, post({ placeId: w.places.S, reason: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED');
  });

  test('a figure key declared twice, or not named after its module, stops the start with a clear error', async () => {
    const twin = { ...requests };
    assert.throws(() => figureCatalogue([{ name: 'test', figures: [requests] }, { name: 'test', figures: [twin] }]), /figure "test.requests" is declared twice/);
    assert.throws(() => figureCatalogue([{ name: 'other', figures: [requests] }]), /figure "test.requests" of module other: a key is 'other.<name>'/);
    const clash = { name: 'repairs', figures: [{ ...requests, key: 'repairs.reported' }] };
    await assert.rejects(buildServer(env.kernel, [...MODULES, clash]), /figure "repairs.reported" is declared twice \(modules repairs and repairs\)/);
    useFigures([...MODULES, { name: 'test', figures: [requests] }]);
  });

  test("at the month's end the job counts the month again to its end, over a take from within it", async () => {
    await request(w.places.A, w.places.S, '2026-11-30T23:59:59+08:00');
    setClock('2026-12-01T00:00:00+08:00');
    const taken = await takeMonthEndSnapshots(env.kernel);
    assert.equal(taken.streets, 4, 'S, S2 and the district’s two streets');
    const november = (await snapshot(w.places.A, '2026-11'))!;
    assert.equal(Number(november.numerator), 5);
    assert.equal(november.taken_by, null);
    assert.equal(november.counted_to.toISOString(), at('2026-12-01T00:00:00+08:00').toISOString());
    assert.equal(Number((await snapshot(w.places.A, '2026-10'))!.numerator), 3, 'October untouched');
    assert.deepEqual(await takeMonthEndSnapshots(env.kernel), { streets: 0, rows: 0 }, 'once');
  });
});
