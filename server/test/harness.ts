import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { ManualClock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config.ts';
import type { Kernel } from '../kernel/context.ts';
import { bootKernel } from '../kernel/boot.ts';
import { memoryFileStore } from '../kernel/files/files.ts';
import type { App } from '../kernel/module.ts';

/**
 * One database per test file: an in-memory PGlite, or — when DATABASE_URL is set (CI) — a fresh
 * database on that server, dropped at the end. Time is a ManualClock the test can move.
 */
export interface TestEnv {
  kernel: Kernel;
  app: App;
  clock: ManualClock;
  close(): Promise<void>;
}

/** `overrides` changes settings a test is about (trusted proxies, sign-in limits). */
export async function startTestEnv(overrides: Partial<Omit<Config, 'database'>> = {}): Promise<TestEnv> {
  const clock = new ManualClock();
  const adminUrl = process.env.DATABASE_URL;
  let dbName: string | null = null;
  let database: Config['database'] = { driver: 'pglite', dataDir: 'memory://' };
  if (adminUrl) {
    dbName = `gz_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    database = { driver: 'pg', url: url.toString() };
  }
  const config: Config = {
    database,
    dataDir: '/nonexistent',
    host: '127.0.0.1',
    port: 0,
    piiKey: randomBytes(32),
    seedDemo: false,
    sessionIdleMs: 30 * 60_000,
    signIn: { freeFailures: 5, maxDelayMs: 15 * 60_000, loginFailuresPerHour: 50 },
    trustProxy: [],
    secureCookies: false,
    logLevel: 'silent',
    ...overrides,
  };
  const kernel = await bootKernel(config, clock, memoryFileStore());
  const app = await buildApp(kernel);
  await app.ready();
  return {
    kernel,
    app,
    clock,
    async close() {
      await app.close();
      await kernel.database.close();
      if (adminUrl && dbName) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        // pg's pool.end() resolves before its sockets close: wait for the backends to leave, or
        // DROP … WITH (FORCE) kills them mid-goodbye and the closed client throws an uncaught error.
        for (let i = 0; i < 100; i++) {
          const left = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [dbName]);
          if (left.rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}

export interface Session {
  login: string;
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; body: any }>;
}

/** Signs in through the real login route and returns a client that sends the cookie and CSRF token. */
export async function signIn(app: App, login: string, password = 'Test@12345'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  const { csrfToken } = res.json();
  return {
    login,
    async request(method, url, body) {
      const r = await app.inject({
        method,
        url,
        headers: { cookie: `gz_session=${cookie.value}`, 'x-csrf-token': csrfToken },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      return { status: r.statusCode, body: r.body ? safeJson(r.body) : null };
    },
  };
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Row counts of the given tables: compare before/after to prove nothing was written. */
export async function countRows(kernel: Kernel, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await kernel.db.selectFrom(t as 'places').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = r.n;
  }
  return out;
}
