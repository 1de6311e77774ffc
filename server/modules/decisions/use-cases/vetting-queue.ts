import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { pathLabel } from '../../../kernel/access/index.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../decisions.db.ts';
import { type QueueQuery, QueueSort } from '../elections.schemas.ts';
import { reviewedDepartments } from './election-access.ts';

/**
 * Candidates waiting for a verdict from the departments the actor reviews for, across the elections of their streets:
 * consented, still in vetting (or returned by another department), before voting opens, and with no current verdict
 * of that department — or only a return from before the candidate's correction. One row per candidate and department.
 */
function awaiting(db: Executor, departmentIds: string[]) {
  return db
    .selectFrom('dec_candidates as c')
    .innerJoin('dec_decisions as d', (j) => j.onRef('d.street_id', '=', 'c.street_id').onRef('d.id', '=', 'c.decision_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .innerJoin('dec_vetting_departments as dp', (j) => j.onRef('dp.street_id', '=', 'c.street_id'))
    .where('dp.id', 'in', departmentIds)
    .where('d.kind', '=', 'election')
    .where('d.status', 'in', ['draft', 'roll_published'])
    .where('c.status', 'in', ['vetting', 'returned'])
    .where('c.consent_at', 'is not', null)
    .where('c.vetted_as', 'is', null)
    .where(
      sql<boolean>`not exists (
        select 1 from dec_vetting_verdicts v
        where v.street_id = c.street_id and v.candidate_id = c.id and v.department_id = dp.id
          and v.at = (select max(v2.at) from dec_vetting_verdicts v2 where v2.street_id = c.street_id and v2.candidate_id = c.id and v2.department_id = dp.id)
          and not (v.verdict = 'return' and v.round < c.round)
      )`,
    );
}

export async function vettingQueue(ctx: Ctx, q: QueueQuery) {
  const db = read(ctx);
  const departments = await reviewedDepartments(db, ctx.actor);
  if (!departments.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const base = awaiting(db, departments.map((x) => x.id)).$if(!!q.q, (qb) =>
    qb.where((eb) => eb.or([eb('c.name', 'ilike', containing(q.q!)), eb('c.room_label', 'ilike', containing(q.q!)), eb('d.title', 'ilike', containing(q.q!))])),
  );
  return paginate(
    q,
    QueueSort.orderBy(base, q)
      .select([
        'd.id as decisionId',
        'd.title as decisionTitle',
        'c.id as candidateId',
        'c.no',
        'c.name',
        'c.room_label as roomLabel',
        'c.party_member as partyMember',
        'c.statement',
        'c.nomination',
        'dp.id as departmentId',
        'dp.name as departmentName',
        'c.round',
        'c.consent_at as consentAt',
      ])
      .select(pathLabel('p.path', ['community', 'compound']).as('compoundLabel'))
      .orderBy('dp.position')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

/** How many candidate verdicts the actor owes (the staff home's to-do). */
export async function vettingQueueCount(ctx: Ctx): Promise<number> {
  const db = read(ctx);
  const departments = await reviewedDepartments(db, ctx.actor);
  if (!departments.length) return 0;
  const { n } = await awaiting(db, departments.map((x) => x.id)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}
