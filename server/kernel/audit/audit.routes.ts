import { sql } from 'kysely';
import { z } from 'zod';
import { can, scopePrefixes, placeInScope, type Role } from '../access/index.ts';
import type { Kernel } from '../context.ts';
import { CommonErrors } from '../errors.ts';
import type { App } from '../module.ts';
import { PageQuery, offsetOf, sortable } from '../pagination.ts';
import { ctxOf } from '../http/server.ts';
import { verifyAuditChain } from './audit.ts';
import { containing } from '../db/like.ts';

/** Who may read the audit log of their places. */
export const AUDIT_READERS: readonly Role[] = ['platform_admin', 'street_official', 'community_secretary'];

/** The log sorts by its order (seq: time, newest first by default), by action or by actor. */
export const AuditSort = sortable({ seq: 'seq', action: 'action', actorName: 'actor_name' }, { sort: 'seq', order: 'desc' }, 'seq');
const AuditQuery = PageQuery.extend({
  action: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  ...AuditSort.query,
});

export function auditRoutes(app: App, kernel: Kernel) {
  app.get('/api/audit', { schema: { tags: ['audit'], summary: 'Audit log of my places', querystring: AuditQuery } }, async (req) => {
    const { actor } = ctxOf(kernel, req);
    const prefixes = scopePrefixes(actor, AUDIT_READERS);
    if (prefixes !== null && prefixes.length === 0) throw CommonErrors.FORBIDDEN();
    const q = req.query;
    // Entries without a place (sign-ins, account changes) are for platform admins only.
    const seesPlaceless = prefixes === null || actor.grants.some((g) => g.role === 'platform_admin');
    const base = kernel.db
      .selectFrom('audit_log')
      .where((eb) =>
        eb.or([placeInScope(sql.ref('audit_log.place_id'), prefixes), ...(seesPlaceless ? [eb('audit_log.place_id', 'is', null)] : [])]),
      )
      .$if(!!q.action, (qb) => qb.where('action', 'like', `${q.action}%`))
      .$if(!!q.subjectId, (qb) => qb.where('subject_id', '=', q.subjectId!))
      .$if(!!q.actor, (qb) => qb.where('actor_name', 'like', containing(q.actor!)));
    const [items, total] = await Promise.all([
      AuditSort.orderBy(base, q)
        .select(['id', 'seq', 'at', 'actor_name as actorName', 'action', 'place_id as placeId', 'subject_type as subjectType', 'subject_id as subjectId', 'detail', 'request_id as requestId', 'hash'])
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: total.n, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  });

  app.get('/api/audit/verify', { schema: { tags: ['audit'], summary: 'Walk the hash chain and report tampering' } }, async (req) => {
    const { actor } = ctxOf(kernel, req);
    const rootPaths = await kernel.db.selectFrom('places').select('path').where('parent_id', 'is', null).execute();
    if (!rootPaths.some((p) => can(actor, AUDIT_READERS, p.path)) && !actor.grants.some((g) => AUDIT_READERS.includes(g.role))) {
      throw CommonErrors.FORBIDDEN();
    }
    return verifyAuditChain(kernel.db);
  });
}
