import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { parsePeriod } from '../../kernel/payouts/payouts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { currentMembersOfRoom, DEMO_STREET } from '../registry/index.ts';
import { COLLECTION_PAYOUT_KIND } from './grid.collection.constants.ts';
import { E2E_FREE_ROOM, seedCollection } from './grid.collection.seed.ts';
import { read } from './grid.db.ts';

/**
 * The collection part of the demo on the registry's street: commissions for 锦华 at 阳光花园 and 和园小区, records in
 * every status, last month's spot checks all done and its statement paid (only passed records on it), actuals made,
 * 阳光花园 1栋1单元1801 left without a tenant for the e2e; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the collection demo: every status, a paid statement of passed records, the e2e room free', async () => {
  const t0 = performance.now();
  const done = (await seedCollection(env.kernel, demo)) as { records: number; byStatus: Record<string, number>; statement: string | null };
  console.log(`collection demo seeded in ${(performance.now() - t0).toFixed(0)} ms`, done);
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  assert.equal(done.records, 17);
  for (const s of ['submitted', 'verified', 'known', 'wrong']) assert.ok((done.byStatus[s] ?? 0) > 0, `no record ${s}`);
  const commissions = await db.selectFrom('grid_commissions').select(['compound_id', 'company_name']).where('street_id', '=', street.street.id).execute();
  assert.deepEqual(commissions.map((c) => c.compound_id).sort(), [street.compounds[0]!.id, street.compounds[1]!.id].sort());
  assert.ok(commissions.every((c) => c.company_name === '锦华物业服务有限公司'));

  const records = await db.selectFrom('grid_records').selectAll().where('street_id', '=', street.street.id).execute();
  assert.ok(['passed', 'failed', 'pending'].every((st) => records.some((r) => r.spot_status === st)), 'spot checks passed, failed and pending');
  assert.ok(records.some((r) => r.registry_outcome === 'pending_approval' && r.approval_id), 'an owner waiting for the second approver');
  assert.ok(records.some((r) => r.registry_outcome === 'applied' && r.kind === 'resident_departure'), 'a departure applied');
  assert.ok(records.every((r) => r.company_id === null || r.company_name === '锦华物业服务有限公司'));

  // The paid statement holds exactly last month's verified new records of the company whose spot check passed.
  const st = await db.selectFrom('payout_statements').selectAll().where('id', '=', done.statement!).executeTakeFirstOrThrow();
  assert.equal(st.kind, COLLECTION_PAYOUT_KIND);
  assert.equal(st.status, 'paid');
  const lines = await db.selectFrom('payout_lines').select(['source_id', 'amount_fen']).where('statement_id', '=', st.id).execute();
  const end = parsePeriod('month', st.period)!.end;
  const expected = records.filter((r) => r.status === 'verified' && r.company_id && (r.spot_status === 'passed' || r.spot_status === null) && r.checked_at! < end);
  assert.deepEqual(lines.map((l) => l.source_id).sort(), expected.map((r) => r.id).sort(), "the statement is the hand count of last month's payable records");
  assert.ok(lines.length >= 2, 'the tenant, the family member and the shop passed');
  assert.ok(lines.every((l) => l.amount_fen === 500));
  assert.ok(!records.some((r) => (r.spot_status === 'failed' || r.spot_status === 'pending') && lines.some((l) => l.source_id === r.id)), 'a failed or pending spot check is not paid');

  const components = await db.selectFrom('grid_components').select(['kind', 'condition']).where('street_id', '=', street.street.id).execute();
  assert.ok(components.some((c) => c.kind === 'fire_hydrant' && c.condition === 'good'), 'the hydrant reported again, repaired');
  const legal = await db.selectFrom('grid_legal_persons').select('name').where('street_id', '=', street.street.id).execute();
  assert.ok(legal.some((l) => l.name === '阳光便民小卖部'));

  // Nothing in 1栋 or 2栋 of 阳光花园; the e2e room has no tenant.
  const sunny = street.compounds[0]!;
  const free = await db
    .selectFrom('street_places as r')
    .innerJoin('street_places as u', 'u.id', 'r.parent_id')
    .innerJoin('street_places as b', 'b.id', 'u.parent_id')
    .select('r.id')
    .where('b.parent_id', '=', sunny.id)
    .where('b.name', '=', E2E_FREE_ROOM.building)
    .where('u.name', '=', E2E_FREE_ROOM.unit)
    .where('r.name', '=', E2E_FREE_ROOM.room)
    .executeTakeFirstOrThrow();
  assert.ok(!(await currentMembersOfRoom(db, free.id)).some((m) => m.relations.includes('tenant')));
  const inFront = await db
    .selectFrom('grid_records as g')
    .innerJoin('street_places as p', 'p.id', 'g.place_id')
    .select('g.id')
    .where('p.path', 'like', `${sunny.path}%`)
    .where((eb) => eb.or([eb('p.name', 'in', ['1栋', '2栋']), eb('p.parent_id', 'in', eb.selectFrom('street_places').select('id').where('parent_id', 'in', eb.selectFrom('street_places').select('id').where('name', 'in', ['1栋', '2栋']).where('parent_id', '=', sunny.id)))]))
    .execute();
  assert.equal(inFront.length, 0, 'no demo record in 1栋 or 2栋');
  const linRoom = await db.selectFrom('grid_records').select('id').where('person_id', '=', demo.account('13800000002')!.personId!).execute();
  assert.equal(linRoom.length, 0, "林晓雯 (a login) is nobody's departure");
  for (const login of ['13800000001', '13800000002', '13800000003']) {
    const personId = demo.account(login)?.personId;
    if (!personId) continue;
    const touched = await db.selectFrom('grid_records').select('id').where('registry_person_id', '=', personId).execute();
    assert.equal(touched.length, 0, `${login} untouched`);
  }

  assert.equal(await seedCollection(env.kernel, demo), undefined, 'a second run adds nothing');
});
