import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { periodContaining } from '../../kernel/payouts/payouts.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { DEMO_STREET } from '../registry/index.ts';
import { inspectionScoresFor } from './index.ts';
import { read } from './supervision.db.ts';
import { DEMO_INSPECTIONS, seedSheets } from './supervision.sheets.seed.ts';
import { entriesOf, sheetStructure } from './supervision.sheets.repository.ts';
import { scoreInspection } from './use-cases/sheet-score.ts';
import { sheetInForce } from './use-cases/sheet-in-force.ts';

/**
 * The sheets part of the demo: the property-service sheet in force this quarter and last (demo content), its v2
 * draft, the 54-indicator civility sheet; submitted inspections whose stored scores are what the scoring gives for
 * their entries, spread over the colours; one draft; quick; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the sheets demo', async () => {
  const started = Date.now();
  const done = await seedSheets(env.kernel, demo);
  assert.ok(Date.now() - started < 3000, `seeded in ${Date.now() - started} ms`);
  assert.equal(done.sheets, 3);
  const street = demo.get(DEMO_STREET)!;
  const db = read(env.kernel);
  const current = periodContaining('quarter', demo.now);
  const previous = periodContaining('quarter', new Date(current.start.getTime() - 1));

  const sheets = await db.selectFrom('sup_sheets').selectAll().where('street_id', '=', street.street.id).orderBy('kind').orderBy('version').execute();
  assert.deepEqual(
    sheets.map((s) => [s.kind, s.version, s.status, s.applies_from, s.is_demo]),
    [
      ['civility', 1, 'active', current.label, true],
      ['property_service', 1, 'active', previous.label, true],
      ['property_service', 2, 'draft', null, true],
    ],
  );
  const civility = await sheetStructure(db, sheets[0]!.id);
  assert.equal(civility.indicators.length, 54);
  assert.deepEqual(civility.sections.map((s) => s.name), ['党建引领', '物业服务', '基层治理', '文明风尚']);
  assert.equal(civility.sections.reduce((a, s) => a + s.weight, 0), 100);
  const property = await sheetStructure(db, sheets[1]!.id);
  assert.ok(property.indicators.length >= 15 && property.indicators.length <= 20);
  assert.equal(property.sections.reduce((a, s) => a + s.weight, 0), 100);
  assert.deepEqual(new Set(property.indicators.map((i) => i.method)), new Set(['points', 'deduction', 'yes_no']));
  assert.equal((await sheetInForce(env.kernel.db, street.street.id, 'property_service', current.label))?.id, sheets[1]!.id);
  assert.equal((await sheetInForce(env.kernel.db, street.street.id, 'property_service', previous.label))?.id, sheets[1]!.id);

  // Stored scores are the scoring's, entry for entry.
  const inspections = await db.selectFrom('sup_inspections').selectAll().where('street_id', '=', street.street.id).execute();
  for (const i of inspections.filter((x) => x.status === 'submitted')) {
    assert.equal(scoreInspection(property.sections, property.indicators, await entriesOf(db, i.id)).scoreCenti, i.score_centi, i.id);
  }
  assert.equal(inspections.filter((i) => i.status === 'draft').length, 1);
  const now = await inspectionScoresFor(env.kernel.db, { streetId: street.street.id, period: current.label });
  const before = await inspectionScoresFor(env.kernel.db, { streetId: street.street.id, period: previous.label });
  assert.equal(now.length, street.compounds.length - 1, 'one compound not inspected this quarter');
  assert.equal(before.length, street.compounds.length);
  const scores = now.map((r) => r.scoreSumCenti / r.inspections);
  assert.ok(Math.max(...scores) >= 8500 && Math.min(...scores) < 7000, `a spread: ${scores.join(', ')}`);
  assert.ok(demo.get(DEMO_INSPECTIONS)!.inspections.some((i) => i.status === 'submitted' && i.findings.length > 0), 'findings to issue notices for');

  assert.equal((await seedSheets(env.kernel, demo)).skipped, 'seeded already');
});
