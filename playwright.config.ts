import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

// Chosen once in the main process; workers load this file again and inherit the same values.
process.env.GZ_E2E_PORT ??= String(await freePort());
process.env.GZ_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'gz-e2e-'));
const port = Number(process.env.GZ_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * End-to-end journeys against the real app: a fresh data directory (so the demo street is seeded
 * on start), the web shells rebuilt from the current source, Debian's Chromium (never a download).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'artifacts/e2e/results',
  // Generous: CI machines have two cores and the server shares them with the browser.
  timeout: 120_000,
  retries: process.env.CI ? 1 : 0,
  // A page waits up to 20 s: beside a five-person journey, two Chromiums and the server share two cores, and a
  // first paint has been measured at 10 s there (the API answering in 100 ms, the browser starved of CPU).
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: 'sh scripts/node24.sh scripts/start.ts',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // The app stops its embedded PostgreSQL on SIGTERM (server/main.ts); Playwright's default SIGKILL left it running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    env: {
      GZ_DATA_DIR: process.env.GZ_E2E_DATA,
      GZ_PORT: String(port),
      GZ_HOST: '127.0.0.1',
      // .ci/run has just built the web shells; locally, always rebuild from the current source.
      GZ_REBUILD_WEB: process.env.CI ? 'false' : 'true',
      GZ_CHECK_AUDIT: 'true',
      GZ_LOG_LEVEL: 'warn',
    },
  },
});
