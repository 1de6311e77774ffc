import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { freePort, HOST, ROOT, waitForHealth } from './util.ts';

/**
 * Bytes of JavaScript on the wire, compressed as served, for the first load of two pages in
 * Debian's Chromium: the resident H5 home signed in as the demo resident (phone-sized), and the
 * workbench's landing page signed in as the street official. Every script fetched until the network
 * is idle counts; the API requests each first load makes are listed too. Goal: H5 ≤ 150 KB,
 * workbench ≤ 400 KB. Last line: `web-weight h5 <N> KB workbench <M> KB`.
 */

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-web-'));
const port = await freePort();
const env: NodeJS.ProcessEnv = { ...process.env, GZ_DATA_DIR: dataDir, GZ_PORT: String(port), GZ_HOST: HOST, GZ_LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
const server = spawn(process.execPath, [join(ROOT, 'scripts/start.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://${HOST}:${port}`;

async function firstLoad(browser: Browser, opts: { login: string; password: string; url: string; ready: (p: Page) => Promise<void>; phone?: boolean }) {
  const context = await browser.newContext(
    opts.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' } : { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' },
  );
  const res = await context.request.post(`${base}/api/auth/login`, { data: { login: opts.login, password: opts.password } });
  if (!res.ok()) throw new Error(`sign-in as ${opts.login}: ${res.status()}`);
  const page = await context.newPage();
  const scripts: { url: string; bytes: number }[] = [];
  const api: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) api.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') {
      pending.push(request.sizes().then((s) => void scripts.push({ url: request.url(), bytes: s.responseBodySize })));
    }
  });
  await page.goto(`${base}${opts.url}`, { waitUntil: 'networkidle' });
  await opts.ready(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return { kb: scripts.reduce((n, s) => n + s.bytes, 0) / 1024, scripts, api };
}

let browser: Browser | null = null;
try {
  await waitForHealth(port, 240_000, server);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const h5 = await firstLoad(browser, {
    login: '13800000001',
    password: 'Gongzhi@2026',
    url: '/h5/',
    phone: true,
    ready: (p) => p.getByRole('heading', { name: '我的家', level: 1 }).waitFor(),
  });
  const workbench = await firstLoad(browser, {
    login: 'street',
    password: 'Gongzhi@2026',
    url: '/',
    ready: (p) => p.getByRole('navigation', { name: '主菜单' }).waitFor(),
  });
  for (const [name, r] of [['resident H5 home', h5], ['workbench landing', workbench]] as const) {
    process.stdout.write(`\n${name}: ${r.scripts.length} scripts, ${r.kb.toFixed(1)} KB on the wire\n`);
    for (const s of [...r.scripts].sort((a, b) => b.bytes - a.bytes).slice(0, 8)) process.stdout.write(`  ${(s.bytes / 1024).toFixed(1).padStart(7)} KB  ${new URL(s.url).pathname}\n`);
    process.stdout.write(`  API requests of the first load (${r.api.length}): ${r.api.join(', ')}\n`);
  }
  process.stdout.write(`web-weight h5 ${Math.round(h5.kb)} KB workbench ${Math.round(workbench.kb)} KB\n`);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
