import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { appDb } from '../../app.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { verifyAuditChain } from '../../kernel/audit/audit.ts';
import { DEMO_PASSWORD } from '../../kernel/demo-seed.ts';
import { signIn, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { seedDispatchReports } from './index.ts';
import type { DispatchReport } from './use-cases/report-build.ts';

/**
 * The demo comes with last month’s dispatch report of the demo street, each of its communities and the regions above it, built by the job's
 * use case over the figures' history (seeded last); seeding again adds none. And `gongzhi report` prints the same
 * figures as the dashboard, from another process on the same database.
 */
describe('demo dispatch reports, and the CLI', () => {
  let env: TestEnv;
  before(async () => {
    env = await startTestEnv();
    await seedDemo(env.kernel, { only: ['registry', 'repairs', 'figures', 'dashboards'] });
  });
  after(() => env?.close());

  test('last month’s report of the demo street, its communities and the regions above it, built once, as the system; the chain holds', async () => {
    const db = appDb(env.kernel);
    const places = await db.selectFrom('places').select(['id', 'kind']).where('kind', 'in', ['street', 'community']).execute();
    const reports = await db.selectFrom('dash_reports').select(['place_id', 'period', 'built_by']).execute();
    assert.ok(places.length >= 2);
    assert.deepEqual(reports.map((r) => r.place_id).sort(), places.map((p) => p.id).sort(), 'one report per street and community');
    assert.ok(reports.every((r) => r.period === '2026-10' && r.built_by === null));
    // The demo street hangs under a city and a district: their reports sum it.
    const regions = await db.selectFrom('places').select('id').where('kind', 'in', ['city', 'district']).execute();
    const regional = await db.selectFrom('dash_region_reports').select(['region_id', 'period']).execute();
    assert.deepEqual(regional.map((r) => r.region_id).sort(), regions.map((r) => r.id).sort());
    const entries = await db.selectFrom('audit_log').select('detail').where('action', '=', 'dashboards.report.built').execute();
    assert.equal(entries.length, reports.length + regional.length, 'one audit entry per report');
    assert.ok(entries.every((e) => (e.detail as { by: string }).by === 'demo'));
    assert.deepEqual(await seedDispatchReports(env.kernel), { period: '2026-10', built: 0 }, 'seeding again adds nothing');
    assert.equal((await verifyAuditChain(db)).ok, true);
  });

  test('the demo official reads the street’s report, equal to its dashboard', async () => {
    const official = await signIn(env.app, 'street', DEMO_PASSWORD);
    const street = await appDb(env.kernel).selectFrom('places').select('id').where('kind', '=', 'street').executeTakeFirstOrThrow();
    const list = await official.request('GET', `/api/dashboards/reports?placeId=${street.id}`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.total, 1);
    const { report } = (await official.request('GET', `/api/dashboards/reports/${list.body.items[0].id}`)).body as { report: DispatchReport };
    const overview = (await official.request('GET', `/api/dashboards/overview?placeId=${street.id}&period=2026-10`)).body;
    const three = (fs: { key: string; current: unknown; previous: unknown; lastYear: unknown }[]) => fs.map((f) => [f.key, f.current, f.previous, f.lastYear]);
    assert.deepEqual(three(report.figures), three(overview.figures));
    assert.ok(report.figures.some((f) => f.key === 'repairs.reported' && (f.current?.numerator ?? 0) > 0), 'the demo’s repair orders are counted');
  });

  test('`gongzhi report` prints the same figures as the dashboard; an unknown place exits 1', async () => {
    const config = env.kernel.config.database;
    assert.equal(config.driver, 'pg');
    const dir = mkdtempSync(join(tmpdir(), 'gz-report-cli-'));
    const cliEnv: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: config.driver === 'pg' ? config.url : '',
      GZ_DATA_DIR: dir,
      GZ_PII_KEY: randomBytes(32).toString('base64'),
      GZ_SEED_DEMO: 'never',
      GZ_ALLOW_UNSAFE_DB: 'true',
    };
    const cli = (...args: string[]) => spawnSync(process.execPath, ['cli/gongzhi.ts', 'report', ...args], { env: cliEnv, encoding: 'utf8' });
    try {
      const street = await appDb(env.kernel).selectFrom('places').select(['id', 'name']).where('kind', '=', 'street').executeTakeFirstOrThrow();
      const official = await signIn(env.app, 'street', DEMO_PASSWORD);
      const overview = (await official.request('GET', `/api/dashboards/overview?placeId=${street.id}&period=2026-10`)).body;

      const json = cli(street.name, '--period', '2026-10', '--format', 'json');
      assert.equal(json.status, 0, json.stderr + json.stdout);
      const report = JSON.parse(json.stdout) as DispatchReport;
      const values = (fs: { key: string; current: { value: number | null } | null; previous: { value: number | null } | null }[]) =>
        fs.map((f) => [f.key, f.current?.value ?? null, f.previous?.value ?? null]);
      assert.deepEqual(values(report.figures), values(overview.figures));

      const text = cli(street.id, '--period', '2026-10');
      assert.equal(text.status, 0, text.stderr);
      assert.match(text.stdout, new RegExp(`${street.name} 2026年10月 月度调度通报`));
      const reported = overview.figures.find((f: { key: string }) => f.key === 'repairs.reported');
      assert.match(text.stdout, new RegExp(`报修.*\\s${reported.current.value}\\s`), 'a figure line: name, this month, last month, change');

      const out = join(dir, 'r.xlsx');
      const xlsx = cli(street.name, '--period', '2026-10', '--format', 'xlsx', '--out', out);
      assert.equal(xlsx.status, 0, xlsx.stderr);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      assert.equal(wb.worksheets[0]!.name, '指标');

      const unknown = cli('没有这个街道', '--period', '2026-10');
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /No place 没有这个街道/);
      assert.equal(cli().status, 2, 'usage');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
