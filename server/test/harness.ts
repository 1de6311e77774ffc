import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach } from 'node:test';
import pg from 'pg';
import { LIVENESS_LOCK_CLASS } from '../kernel/db/liveness.ts';
import { buildApp } from '../app.ts';
import { ManualClock } from '../kernel/clock.ts';
import type { Config } from '../kernel/config.ts';
import type { Kernel } from '../kernel/context.ts';
import { bootKernel } from '../kernel/boot.ts';
import { memoryFileStore } from '../kernel/files/files.ts';
import type { App } from '../kernel/module.ts';
import { adminQuery, startTestServer, withDatabase } from './test-database.ts';

/**
 * One database per test file, cloned from the run's migrated template on the run's server (the
 * embedded PostgreSQL, or DATABASE_URL's): see test-database.ts. A file run on its own (without
 * `npm test`'s global setup) starts a server for itself. Time is a ManualClock the test can move.
 */
export interface TestEnv {
  kernel: Kernel;
  app: App;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The run's server, or one of this file's own when it runs alone. */
async function testServer(): Promise<{ adminUrl: string; template: string; stop?: () => Promise<void> }> {
  const { GZ_TEST_ADMIN_URL: adminUrl, GZ_TEST_TEMPLATE: template } = process.env;
  if (adminUrl && template) return { adminUrl, template };
  ownServer ??= startTestServer();
  const own = await ownServer;
  ownUsers++;
  return {
    ...own,
    // The last environment of the file to close stops it.
    stop: async () => {
      if (--ownUsers === 0) {
        ownServer = null;
        await own.stop();
      }
    },
  };
}
let ownServer: ReturnType<typeof startTestServer> | null = null;
let ownUsers = 0;

/** `overrides` changes settings a test is about (trusted proxies, sign-in limits). */
export async function startTestEnv(overrides: Partial<Omit<Config, 'database'>> = {}): Promise<TestEnv> {
  const clock = new ManualClock();
  const server = await testServer();
  const dbName = `gz_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(server.adminUrl, `create database ${dbName} template ${server.template}`);
  const config: Config = {
    // Test servers run without fsync (throwaway data): allowed here, never in the app.
    database: { driver: 'pg', url: withDatabase(server.adminUrl, dbName), allowUnsafe: 'allow' },
    dataDir: '/nonexistent',
    host: '127.0.0.1',
    port: 0,
    piiKey: randomBytes(32),
    seedDemo: false,
    sessionIdleMs: 30 * 60_000,
    sessionMaxMs: 12 * 3_600_000,
    signIn: { freeFailures: 5, maxDelayMs: 15 * 60_000, loginFailuresPerHour: 50 },
    trustProxy: [],
    secureCookies: false,
    logLevel: 'silent',
    checkAudit: true,
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
      // pg's pool.end() resolves before its sockets close: wait for the backends to leave, or
      // DROP … WITH (FORCE) kills them mid-goodbye and the closed client throws an uncaught error.
      for (let i = 0; i < 100; i++) {
        const left = await adminQuery(server.adminUrl, 'select count(*)::int as n from pg_stat_activity where datname = $1', [dbName]);
        if (left.rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await adminQuery(server.adminUrl, `drop database if exists ${dbName} with (force)`);
      await server.stop?.();
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

/** How many files the test's store holds (the memory store the harness gives every test env). */
const storedFileCount = (kernel: Kernel) => (kernel.files as Partial<ReturnType<typeof memoryFileStore>>).size?.() ?? 0;

/**
 * Sends a request that must be refused, and checks what every refusal owes: the status and error
 * code, a message, no stack trace, and nothing written — no row in `tables`, no stored file.
 * Returns the error, for the test to look closer.
 */
export async function expectRefused(
  kernel: Kernel,
  tables: string[],
  send: () => Promise<{ status: number; body: any }>,
  status: number,
  code: string,
): Promise<{ code: string; message: string; details?: any }> {
  const rows = await countRows(kernel, tables);
  const files = storedFileCount(kernel);
  const res = await send();
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code);
  assert.equal(typeof res.body.error.message, 'string');
  assert.ok(!JSON.stringify(res.body).includes('    at '), 'no stack trace');
  assert.deepEqual(await countRows(kernel, tables), rows, 'no row written');
  assert.equal(storedFileCount(kernel), files, 'no file stored');
  return res.body.error;
}

/**
 * Another app process on the test's database, as far as liveness goes (kernel/db/liveness.ts): a
 * session holding the advisory lock of its instance number. `end()` is its death.
 */
export async function anotherLiveProcess(kernel: Kernel): Promise<{ instance: number; end(): Promise<void> }> {
  const config = kernel.config.database;
  if (config.driver !== 'pg') throw new Error('the test environment runs on a pg URL');
  const session = new pg.Client({ connectionString: config.url });
  await session.connect();
  const instance = kernel.instance === 7 ? 8 : 7;
  await session.query('select pg_advisory_lock($1::int, $2::int)', [LIVENESS_LOCK_CLASS, instance]);
  return { instance, end: () => session.end() };
}

/**
 * A view of a value that a `before`/`beforeEach` hook fills in later: usable as the value itself once the
 * hook has run (`env.kernel`, `w.rooms.A101`, `official.request(…)`), an error naming `what` before that.
 */
export function lazy<T extends object>(what: string, get: () => T | undefined): T {
  const target = () => {
    const value = get();
    if (value === undefined) throw new Error(`${what} is used before the hook that makes it has run`);
    return value;
  };
  return new Proxy({} as T, {
    // Never a thenable: `await`ing the view, or returning it from an async function, must not ask for it early.
    get: (_, prop) => (prop === 'then' ? undefined : Reflect.get(target(), prop)),
    has: (_, prop) => Reflect.has(target(), prop),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(target(), prop);
      return d && { ...d, configurable: true };
    },
  });
}

/**
 * The usual setup of a test file (or of the `describe` it is called in): a `before` hook starts a test
 * env (with `overrides`) and builds `build(env)` on it, `after` closes it. `env` and `w` are lazy views of
 * them. `setUp(what, make)` is a lazy view of what `make()` gives, made by that `before` hook after
 * `build` — or before each test with `{ each: true }` — in the order the file asks for them;
 * `signedIn(login)` is a session made so, through `open` (harness `signIn` unless told).
 * `afterSetUp(fn)` is a `before` hook that waits for all that first: node:test starts a file's top-level
 * `before` hooks without waiting for the ones before them.
 */
export function useTestEnv<W extends object = Record<string, never>>(
  build: (env: TestEnv) => Promise<W> = async () => ({}) as W,
  overrides: Partial<Omit<Config, 'database'>> = {},
) {
  let env: TestEnv | undefined;
  let world: W | undefined;
  const steps: { each: boolean; make: () => Promise<object>; current?: object }[] = [];
  let ready: Promise<unknown> = Promise.resolve();
  const afterSetUp = (fn: () => Promise<unknown> | void) => before(() => (ready = ready.then(fn)));
  afterSetUp(async () => {
    env = await startTestEnv(overrides);
    world = await build(env);
    for (const s of steps) if (!s.each) s.current = await s.make();
  });
  beforeEach(async () => {
    for (const s of steps) if (s.each) s.current = await s.make();
  });
  after(() => env?.close());
  const setUp = <T extends object>(what: string, make: () => Promise<T>, { each = false } = {}): T => {
    const step: (typeof steps)[number] = { each, make };
    steps.push(step);
    return lazy<T>(what, () => step.current as T | undefined);
  };
  const envView = lazy<TestEnv>('the test env', () => env);
  return {
    env: envView,
    w: lazy<W>('the test world', () => world),
    setUp,
    afterSetUp,
    signedIn: <S extends object = Session>(login: string, opts: { each?: boolean; open?: (app: App, login: string) => Promise<S> } = {}): S =>
      setUp(`the session of ${login}`, () => (opts.open ? opts.open(envView.app, login) : (signIn(envView.app, login) as Promise<object> as Promise<S>)), opts),
  };
}

/**
 * Signs `login` in and returns a sender of raw bodies with its cookie and CSRF token: for bodies a
 * session's `request` cannot send (malformed JSON, broken multipart).
 */
export async function rawSender(app: App, login: string, password = 'Test@12345') {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gz_session')!;
  const { csrfToken } = res.json();
  return async (method: 'POST' | 'PATCH', url: string, contentType: string, payload: string): Promise<{ status: number; body: any }> => {
    const r = await app.inject({ method, url, headers: { cookie: `gz_session=${cookie.value}`, 'x-csrf-token': csrfToken, 'content-type': contentType }, payload });
    return { status: r.statusCode, body: r.json() };
  };
}
