import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { MODULES, WRITES_WITHOUT_AUDIT } from '../app.ts';
import { verifyAllChains } from '../kernel/audit/audit.ts';
import { audit, write } from '../kernel/context.ts';
import { CommonErrors } from '../kernel/errors.ts';
import { buildServer, ctxOf } from '../kernel/http/server.ts';
import type { App, Module } from '../kernel/module.ts';
import { PASSWORD, useWorld } from './fixture.ts';
import { type Session, signIn } from './harness.ts';

/**
 * Audit by construction (kernel/audit/audit-guard.ts): every test runs with the guard on, so each
 * successful write any test makes is checked for its audit entry. Here: every registered write route
 * is sent what a stranger, a resident and an official might send blindly, and each answer is held to
 * the rule (a success leaves an entry, a refusal none, nothing answers 5xx); and the guard itself is
 * shown to catch a route that forgets its entry.
 */
const { env, w } = useWorld();

const auditEntries = async () =>
  (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(env.kernel.db)).rows[0]!.n;

const writeRoutes = (app: App) => app.apiRoutes.filter((r) => !r.startsWith('GET '));

/** A route's path with each parameter filled: an id that exists nowhere. */
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describe('every registered write route', () => {
  test('the allow-list names registered routes only, each with its reason', () => {
    const routes = new Set(writeRoutes(env.app));
    assert.ok(routes.size > 40, `${routes.size} write routes`);
    for (const [route, reason] of Object.entries(WRITES_WITHOUT_AUDIT)) {
      assert.ok(routes.has(route), `${route} is on the allow-list but not registered`);
      assert.ok(reason.length > 20, `${route}: say why it writes nothing worth a record`);
    }
  });

  for (const who of ['a stranger', 'a resident', 'a street official'] as const) {
    test(`sent blindly by ${who}: refused without an audit entry, or done with one; never 5xx`, async () => {
      const session: Session | null =
        who === 'a stranger' ? null : await signIn(env.app, who === 'a resident' ? '13800000001' : 'street_official', PASSWORD);
      const outcomes: string[] = [];
      for (const route of writeRoutes(env.app)) {
        if (route === 'POST /api/auth/logout') continue; // would end the session the next routes use
        const [method, path] = route.split(' ') as ['POST', string];
        for (const body of [{}, { placeId: w.places.A, id: w.rooms.A101, name: '', title: 'x' }]) {
          const entries = await auditEntries();
          const res = session
            ? await session.request(method, concrete(path), body)
            : await env.app.inject({ method, url: concrete(path), payload: body }).then((r) => ({ status: r.statusCode, body: r.json() }));
          const added = (await auditEntries()) - entries;
          assert.ok(res.status < 500, `${route} ${JSON.stringify(body)} answered ${res.status}: ${JSON.stringify(res.body)}`);
          if (res.status >= 400) assert.equal(added, 0, `${route} was refused (${res.status}) yet left ${added} audit entries`);
          else if (!(route in WRITES_WITHOUT_AUDIT)) assert.ok(added > 0, `${route} answered ${res.status} without an audit entry`);
          outcomes.push(`${route} ${res.status}`);
        }
      }
      assert.ok(outcomes.length >= 2 * (writeRoutes(env.app).length - 1));
    });
  }
});

describe('the guard', () => {
  let app: App;
  let official: Session;
  /** Routes that keep or break the rule, in a module of their own. */
  const planted: Module = {
    name: 'planted',
    auditStandIns: [
      {
        name: 'test tallies',
        routes: ['POST /api/planted/chained'],
        verify: async () => ({ ok: true, entries: 7, problems: [] }),
      },
    ],
    routes: (r, kernel) => {
      const touch = (tx: Parameters<Parameters<typeof write>[1]>[0], accountId: string) =>
        tx.updateTable('accounts').set({ locale: 'zh-CN' }).where('id', '=', accountId).execute();
      r.post('/api/planted/forgets', async (req) => {
        const ctx = ctxOf(kernel, req);
        await write(ctx, (tx) => touch(tx, ctx.actor.accountId));
        return { ok: true };
      });
      r.post('/api/planted/records', async (req) => {
        const ctx = ctxOf(kernel, req);
        await write(ctx, async (tx) => {
          await touch(tx, ctx.actor.accountId);
          await audit(tx, ctx, { action: 'planted.touched' });
        });
        return { ok: true };
      });
      r.post('/api/planted/refuses-after-commit', async (req) => {
        const ctx = ctxOf(kernel, req);
        await write(ctx, (tx) => audit(tx, ctx, { action: 'planted.touched' }));
        throw CommonErrors.FORBIDDEN();
      });
      r.post('/api/planted/rolls-back', async (req) => {
        const ctx = ctxOf(kernel, req);
        await write(ctx, async (tx) => {
          await audit(tx, ctx, { action: 'planted.touched' });
          throw CommonErrors.FORBIDDEN();
        });
      });
      r.post('/api/planted/chained', async (req) => {
        const ctx = ctxOf(kernel, req);
        await write(ctx, (tx) => touch(tx, ctx.actor.accountId));
        return { ok: true };
      });
    },
  };
  before(async () => {
    app = await buildServer(env.kernel, [...MODULES, planted], { writesWithoutAudit: WRITES_WITHOUT_AUDIT });
    await app.ready();
    official = await signIn(app, 'street_official', PASSWORD);
  });
  after(() => app.close());

  test('a success without an audit entry becomes 500 AUDIT_MISSING; with one, it stands', async () => {
    const forgot = await official.request('POST', '/api/planted/forgets', {});
    assert.equal(forgot.status, 500);
    assert.equal(forgot.body.error.code, 'AUDIT_MISSING');
    assert.match(forgot.body.error.message, /POST \/api\/planted\/forgets/);
    assert.equal((await official.request('POST', '/api/planted/records', {})).status, 200);
  });

  test('a refusal that committed an entry becomes 500 AUDIT_ON_REFUSAL; a rolled-back one is a plain refusal', async () => {
    const committed = await official.request('POST', '/api/planted/refuses-after-commit', {});
    assert.equal(committed.status, 500);
    assert.equal(committed.body.error.code, 'AUDIT_ON_REFUSAL');
    const rolledBack = await official.request('POST', '/api/planted/rolls-back', {});
    assert.equal(rolledBack.status, 403);
  });

  test("a module's own hash chain stands for its routes' entries, and is verified with the audit log", async () => {
    assert.equal((await official.request('POST', '/api/planted/chained', {})).status, 200);
    const chains = await verifyAllChains(env.kernel.db, [...MODULES, planted]);
    // The audit log first, then every module's chain (the decisions' ballot chains among them), the planted one last.
    assert.deepEqual(
      chains.map((c) => [c.name, c.ok]),
      [['audit log', true], ...MODULES.flatMap((m) => (m.auditStandIns ?? []).map((sI) => [`${m.name}: ${sI.name}`, true])), ['planted: test tallies', true]],
    );
    assert.equal(chains.at(-1)!.entries, 7);
  });
});
