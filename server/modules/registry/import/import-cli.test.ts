import { read } from '../registry.db.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { insertPlace } from '../../../kernel/access/index.ts';
import { bootKernel } from '../../../kernel/boot.ts';
import { loadConfig } from '../../../kernel/config.ts';
import { withIdChecksum } from '../../../kernel/pii/pii.ts';
import { countRows } from '../../../test/harness.ts';

/** `gongzhi import` as an operator runs it: a separate process on the embedded data dir, progress on stderr. */
test('the CLI dry-runs, imports with a progress bar, changes nothing the second time, and refuses a file with errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gz-import-cli-'));
  const env: Record<string, string | undefined> = { ...process.env, GZ_DATA_DIR: dir, GZ_PII_KEY: randomBytes(32).toString('base64'), GZ_SEED_DEMO: 'never' };
  delete env.DATABASE_URL;
  const cli = (...args: string[]) => spawnSync(process.execPath, ['cli/gongzhi.ts', 'import', ...args], { env, encoding: 'utf8' });
  const TABLES = ['places', 'reg_rooms', 'reg_persons', 'reg_households', 'audit_log'];
  const counts = async () => {
    const kernel = await bootKernel(loadConfig(env));
    try {
      return await countRows(kernel, TABLES);
    } finally {
      await kernel.database.close();
    }
  };
  try {
    const kernel = await bootKernel(loadConfig(env));
    await read(kernel).transaction().execute(async (tx) => {
      const street = await insertPlace(tx, { parent: null, kind: 'street', name: '命令街道' });
      const community = await insertPlace(tx, { parent: street, kind: 'community', name: '命令社区' });
      const compound = await insertPlace(tx, { parent: community, kind: 'compound', name: '命令小区' });
      await tx.insertInto('reg_compounds').values({ street_id: street.id, place_id: compound.id, management_mode: 'professional' }).execute();
    });
    await kernel.database.close();

    const rows = Array.from({ length: 40 }, (_, i) => `1栋,1单元,${100 + i},88.5,住户${i},${withIdChecksum(`33080219800202${String(i).padStart(3, '0')}`)},业主,100%`);
    const good = join(dir, 'good.csv');
    writeFileSync(good, ['楼栋,单元,房号,面积,姓名,身份证号,关系,份额', ...rows].join('\n'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, ['楼栋,单元,房号,面积,姓名,身份证号,关系,份额', '2栋,1单元,101,88.5,甲,110105194912310021,业主,100%', '2栋,1单元,102,-3,乙,,租户,'].join('\n'));
    const place = '命令街道/命令小区';

    assert.equal(cli().status, 2, 'usage');
    const initial = await counts();
    const dry = cli(good, '--place', place, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr + dry.stdout);
    assert.match(dry.stdout, /房屋 rooms:\s+新建 40/);
    // A dry run writes nothing into the registry; the upload and the dry run themselves are audited.
    assert.deepEqual(await counts(), { ...initial, audit_log: initial.audit_log! + 2 }, 'a dry run writes nothing');

    const run = cli(good, '--place', place);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.match(run.stderr, /校验 checking 100%/);
    assert.match(run.stderr, /写入 writing 100%/);
    const imported = await counts();
    assert.deepEqual([imported.reg_rooms! - initial.reg_rooms!, imported.reg_households! - initial.reg_households!], [40, 40]);

    const again = cli(good, '--place', place);
    assert.equal(again.status, 0, again.stderr + again.stdout);
    assert.match(again.stdout, /房屋 rooms:\s+新建 0\s+更新 0\s+不变 40/);
    assert.deepEqual((await counts()).reg_households, imported.reg_households);

    const refused = cli(bad, '--place', place);
    assert.equal(refused.status, 1);
    assert.match(refused.stdout, /第 3 行 D列「面积」/);
    assert.equal((await counts()).reg_rooms, imported.reg_rooms, 'an all-or-nothing import with errors writes nothing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
