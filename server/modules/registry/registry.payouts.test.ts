import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { seedDemo } from '../../demo/seed-demo.ts';
import { appDb } from '../../app.ts';
import { SYSTEM_ACTOR } from '../../kernel/access/index.ts';
import { generatePayouts, previousPeriod } from '../../kernel/payouts/payouts.ts';
import { useTestEnv } from '../../test/harness.ts';
import { BUILDING_LEADER_MONTHLY_FEN, BUILDING_LEADER_TITLE, buildingLeaderAllowance } from './registry.payouts.ts';
import { DEMO_STREET } from './demo/plan.ts';

/**
 * The registry's payout kind, 楼门长岗位补贴, on the demo street: one line per building-leader position held
 * during last month, at the monthly rate, to the person holding it; and the demo's walk through the flow.
 */
const { env, setUp } = useTestEnv();
const demo = setUp('the demo street with its payouts', () => seedDemo(env.kernel, { only: ['registry'] }));
const KIND = buildingLeaderAllowance.key;

test('one line per building leader active in the month, at the rate, paid to the person holding the position', async () => {
  const db = appDb(env.kernel);
  const period = previousPeriod('month', demo.now);
  const positions = await db
    .selectFrom('reg_positions')
    .select(['id', 'person_id'])
    .where('title', '=', BUILDING_LEADER_TITLE)
    .where((eb) => eb.or([eb('term_end', 'is', null), eb('term_end', '>=', period.firstDay)]))
    .execute();
  assert.ok(positions.length > 10, `${positions.length} building leaders`);
  const lines = await db
    .selectFrom('payout_lines as l')
    .innerJoin('payout_statements as s', 's.id', 'l.statement_id')
    .select(['l.source_id', 'l.quantity', 'l.unit_fen', 'l.amount_fen', 's.payee_id', 'l.reverses_line_id', 's.period'])
    .where('s.kind', '=', KIND)
    .where('l.reverses_line_id', 'is', null)
    .execute();
  const originals = lines.filter((l) => l.unit_fen === BUILDING_LEADER_MONTHLY_FEN);
  assert.deepEqual(originals.map((l) => l.source_id).sort(), positions.map((p) => p.id).sort(), 'one line per position');
  for (const l of originals) {
    assert.deepEqual([l.quantity, l.amount_fen, l.period], [1, BUILDING_LEADER_MONTHLY_FEN, period.label]);
    assert.equal(l.payee_id, positions.find((p) => p.id === l.source_id)!.person_id, 'paid to its holder');
  }
  // A position that ended before the month is not paid; generating again adds nothing.
  const street = demo.get(DEMO_STREET)!;
  const again = await generatePayouts({ kernel: env.kernel, actor: SYSTEM_ACTOR }, { kind: KIND, streetId: street.street.id, period: period.label });
  assert.equal(again.lines, 0);
  const ended = positions[0]!;
  await sql`update reg_positions set term_start = '2020-01-01', term_end = ${'2020-12-31'} where id = ${ended.id}`.execute(env.kernel.db);
  const lines2 = await buildingLeaderAllowance.lines(env.kernel.db, { streetId: street.street.id, period });
  assert.equal(lines2.length, positions.length - 1);
  assert.ok(!lines2.some((l) => l.sourceId === ended.id));
});

test('the demo walks last month through the flow: one closed with a voucher, one approved, three reviewed, the rest drafts', async () => {
  const rows = await appDb(env.kernel)
    .selectFrom('payout_statements')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', KIND)
    .groupBy('status')
    .execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  assert.equal(by.closed, 1);
  assert.equal(by.approved, 1);
  assert.equal(by.reviewed, 3);
  assert.ok(by.draft! > 5);
  const closed = await appDb(env.kernel).selectFrom('payout_statements').selectAll().where('kind', '=', KIND).where('status', '=', 'closed').executeTakeFirstOrThrow();
  assert.ok(closed.voucher_no && closed.voucher_file_key);
  assert.notEqual(closed.approved_by, closed.reviewed_by);
  // Seeding again adds nothing.
  await seedDemo(env.kernel, { only: ['registry'], demo });
  const count = await appDb(env.kernel).selectFrom('payout_statements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), rows.reduce((a, r) => a + Number(r.n), 0));
});
