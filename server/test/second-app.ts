import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../kernel/db/embedded.ts';
import type { TestEnv } from './harness.ts';

/**
 * A second app process on the test's database: a real `server/main.ts` (process B) beside the test's own app
 * (process A), for rules that must hold across processes — a cache told of another's writes, one winner of a race.
 * Resolves once B listens; `stop()` ends it and removes its data directory.
 */
export async function startSecondApp(env: TestEnv): Promise<{ base: string; stop: () => void }> {
  const config = env.kernel.config;
  if (config.database.driver !== 'pg') throw new Error('the test environment runs on a pg URL');
  const dataDir = mkdtempSync(join(tmpdir(), 'gz-second-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const b = spawn(process.execPath, [new URL('../main.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      DATABASE_URL: config.database.url,
      GZ_ALLOW_UNSAFE_DB: 'true',
      GZ_PII_KEY: config.piiKey.toString('base64'),
      GZ_SEED_DEMO: 'never',
      GZ_DATA_DIR: dataDir,
      GZ_PORT: String(port),
      GZ_LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  b.stdout!.on('data', (d) => (out += d));
  b.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    b.stdout!.on('data', () => out.includes('is listening on') && resolve());
    b.once('exit', (code) => reject(new Error(`process B exited (${code}): ${out}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => {
      b.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
