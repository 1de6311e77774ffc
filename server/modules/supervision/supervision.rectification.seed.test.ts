import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DemoSeedContext } from '../../kernel/demo-seed.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { startTestEnv, type TestEnv } from '../../test/harness.ts';
import { read } from './supervision.db.ts';
import { seedRectification } from './supervision.rectification.seed.ts';

/**
 * The rectification demo: about ten notices numbered in order of issue, in every state (waiting, answered, closed,
 * sent back, overdue and escalated from the community and from the street), from the street, the community and
 * the 物委会; fast; a second run adds nothing.
 */
let env: TestEnv;
let demo: DemoSeedContext;
before(async () => {
  env = await startTestEnv();
  demo = await seedDemo(env.kernel, { only: ['registry'] });
});
after(() => env.close());

test('the rectification demo: every state, every issuing body, numbered; once', async () => {
  const start = Date.now();
  const done = await seedRectification(env.kernel, demo);
  const ms = Date.now() - start;
  process.stdout.write(`rectification demo seeded in ${ms} ms\n`);
  assert.ok(ms < 3000, `seeded in ${ms} ms`);
  const notices = await read(env.kernel).selectFrom('sup_notices').selectAll().orderBy('seq').execute();
  assert.equal(notices.length, done.notices);
  assert.ok(notices.length >= 8 && notices.length <= 12, String(notices.length));
  assert.deepEqual(
    notices.map((n) => n.seq),
    notices.map((_, i) => i + 1),
  );
  assert.match(notices[0]!.no, /^整改〔\d{4}〕第 001 号$/);
  for (const s of ['issued', 'responded', 'reissued', 'closed']) assert.ok(notices.some((n) => n.status === s), s);
  assert.ok(notices.some((n) => n.escalated_to === 'street' && n.status === 'issued'), 'a community notice overdue and escalated to the street');
  assert.ok(notices.some((n) => n.overdue_count > 0 && n.status === 'responded'), 'a street notice that lapsed, then was answered');
  assert.deepEqual([...new Set(notices.map((n) => n.issuer_level))].sort(), ['community', 'street']);
  assert.ok(notices.some((n) => n.issuer_org.endsWith('物业管理委员会')), 'the 物委会 issues too');
  const files = await read(env.kernel).selectFrom('sup_notice_files').select(['stage']).execute();
  assert.ok(files.some((f) => f.stage === 'response'));
  assert.deepEqual(await seedRectification(env.kernel, demo), { notices: 0 }, 'a second run adds nothing');
});
