import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../supervision.db.ts';
import { type AppealsQuery, AppealsSort } from '../supervision.lists.schemas.ts';
import { allows, holdsAnywhere } from '../supervision.policy.ts';
import { companyScope } from './list-access.ts';
import { scopeFilter } from './list-entries.ts';

async function filtered(ctx: Ctx, q: Omit<AppealsQuery, 'page' | 'pageSize' | 'sort' | 'order'>) {
  const scopes = await companyScope(read(ctx), ctx.actor, q.streetId);
  const like = `%${(q.q ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return read(ctx)
    .selectFrom('sup_list_appeals as a')
    .innerJoin('sup_list_entries as e', (j) => j.onRef('e.street_id', '=', 'a.street_id').onRef('e.id', '=', 'a.entry_id'))
    .innerJoin('sup_list_publications as p', (j) => j.onRef('p.street_id', '=', 'e.street_id').onRef('p.id', '=', 'e.publication_id'))
    .innerJoin('street_places as s', (j) => j.onRef('s.street_id', '=', 'e.street_id').onRef('s.id', '=', 'e.street_id'))
    .where(scopeFilter(scopes, 'e.street_id', 'e.company_id'))
    .$if(!!q.status, (s) => s.where('a.status', '=', q.status!))
    .$if(!!q.q, (s) => s.where('e.company_name', 'like', like));
}

/** The appeals the actor sees (the street: all its companies'; a company: its own), filtered, sorted and paged. */
export async function listAppeals(ctx: Ctx, q: AppealsQuery) {
  const base = await filtered(ctx, q);
  const items = AppealsSort.orderBy(
    base.select([
      'a.id',
      'a.entry_id as entryId',
      'e.street_id as streetId',
      's.name as streetName',
      'p.period',
      'e.company_id as companyId',
      'e.company_name as companyName',
      'e.grade',
      'a.reasons',
      'a.submitted_at as submittedAt',
      'a.submitted_by_name as submittedByName',
      'a.status',
      'a.decision_reasons as decisionReasons',
      'a.decided_at as decidedAt',
      'a.decided_by_name as decidedByName',
    ]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  return paginate(q, items, base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
}

/**
 * The street's to-do: appeals waiting for a decision in the streets where the actor decides them — the count of
 * the appeals list it opens (the decide scope is within the read scope: a street official reads the whole street).
 */
export async function listsStaffHome(ctx: Ctx) {
  if (!holdsAnywhere(ctx.actor, 'creditDecide')) return {};
  const scopes = (await companyScope(read(ctx), ctx.actor)).filter((s) => allows(ctx.actor, 'creditDecide', s.streetPath));
  if (!scopes.length) return {};
  const base = await filtered(ctx, { status: 'pending' });
  const row = await base.where('e.street_id', 'in', scopes.map((s) => s.streetId)).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { todos: [{ key: 'supervisionListAppealsToDecide', count: Number(row.n), link: '/supervision/lists/appeals?status=pending' }] };
}
