import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { bootKernel } from '../boot.ts';
import { loadConfig } from '../config.ts';
import { recordAudit } from './audit.ts';

/** `gongzhi audit verify` as an operator runs it: a separate process on the embedded data dir. */
test('the CLI reports an intact chain, then names the edited and the deleted entry with exit code 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gz-audit-cli-'));
  const env = { ...process.env, GZ_DATA_DIR: dir, GZ_PII_KEY: randomBytes(32).toString('base64'), DATABASE_URL: '' };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const cli = () => spawnSync(process.execPath, ['cli/gongzhi.ts', 'audit', 'verify'], { env, encoding: 'utf8' });
  try {
    const kernel = await bootKernel(loadConfig(env));
    for (let i = 0; i < 5; i++) {
      await kernel.db.transaction().execute((tx) => recordAudit(tx, { accountId: null, name: SYSTEM_ACTOR.name }, { action: `test.${i}` }));
    }
    await kernel.database.close();

    const ok = cli();
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /OK.*5 entries/);

    const tampered = await bootKernel(loadConfig(env));
    await sql`update audit_log set action = 'test.rewritten' where seq = 2`.execute(tampered.db);
    await sql`delete from audit_log where seq = 4`.execute(tampered.db);
    await tampered.database.close();

    const bad = cli();
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /seq\s+2\s+edited/);
    assert.match(bad.stdout, /seq\s+4\s+deleted/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
