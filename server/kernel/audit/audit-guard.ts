import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Kernel } from '../context.ts';

/**
 * Audit by construction, checked. Every write's use case records its own audit entry, in the write's
 * transaction, under the module's action name (kernel/context.ts `audit`); nothing writes one for it.
 * This guard holds them to it: with `GZ_CHECK_AUDIT=true` (every test, the e2e server) each answered
 * request that may write (not GET/HEAD/OPTIONS) is checked against the log by its request id:
 * - answered 2xx/3xx: at least one entry must carry the request's id — else the answer becomes
 *   500 AUDIT_MISSING, and the test that made the request fails;
 * - refused (4xx/5xx): none may — a refused request changes nothing, so it has nothing to record
 *   (500 AUDIT_ON_REFUSAL).
 * Routes that may write without an entry, each with its reason, are the allow-list given by the module
 * list (server/app.ts), and the routes whose records keep their own hash chain (a module's
 * `auditStandIns`, verified like the audit log).
 */
export function auditGuard(kernel: Kernel, exempt: ReadonlyMap<string, string>) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || !req.routeOptions.url?.startsWith('/api/')) return payload;
    const route = `${req.method} ${req.routeOptions.url}`;
    if (exempt.has(route)) return payload;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where request_id = ${req.id}`.execute(kernel.db);
    const entries = rows[0]!.n;
    const succeeded = reply.statusCode < 400;
    if (succeeded ? entries > 0 : entries === 0) return payload;
    const code = succeeded ? 'AUDIT_MISSING' : 'AUDIT_ON_REFUSAL';
    const message = succeeded
      ? `${route} answered ${reply.statusCode} without an audit entry: record one in the write's transaction, or put the route on the allow-list in server/app.ts with its reason`
      : `${route} was refused (${reply.statusCode}) yet left ${entries} audit entr${entries === 1 ? 'y' : 'ies'}`;
    req.log.error({ route, status: reply.statusCode, entries }, code);
    reply.code(500).type('application/json; charset=utf-8');
    return JSON.stringify({ error: { code, message } });
  };
}
