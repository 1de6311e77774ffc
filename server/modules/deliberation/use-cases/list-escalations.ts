import { sql, type SqlBool } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../deliberation.db.ts';
import { placeFilter } from '../deliberation.policy.ts';
import { overdueSql, todayOf } from '../execution.repository.ts';
import { type EscalationsQuery, EscalationsSort } from '../execution.schemas.ts';

/**
 * The street's desk (the escalation roles): items sent up after too many poor verdicts, with their history
 * (reopens, the last verdict's facts), and items that have overdue tasks escalated to it.
 */
export async function listEscalations(ctx: Ctx, q: EscalationsQuery) {
  const db = read(ctx);
  const today = todayOf(ctx);
  const overdueTasks = sql<number>`(select count(*)::int from dlb_tasks t where t.street_id = i.street_id and t.item_id = i.id and t.escalated_at is not null and ${overdueSql(today)})`;
  const base = db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .where(placeFilter(ctx.actor, 'escalation', 'i.place_id'))
    .where(sql<SqlBool>`(i.stage = 'escalated' or ${overdueTasks} > 0)`)
    .$if(!!q.q, (qb) => qb.where((eb) => eb.or([eb('i.title', 'ilike', containing(q.q!)), eb('i.code', 'ilike', containing(q.q!))])));
  const page = await paginate(
    q,
    EscalationsSort.orderBy(
      base.select(['i.id', 'i.code', 'i.title', 'i.stage', 'i.reopen_count as reopenCount', 'i.progress_percent as progressPercent', 'i.updated_at as updatedAt', 'p.name as placeName']).select([
        overdueTasks.as('overdueTasks'),
        sql<Record<string, unknown> | null>`(select e.detail from dlb_events e where e.street_id = i.street_id and e.item_id = i.id and e.kind = 'escalated' order by e.at desc limit 1)`.as('verdict'),
      ]),
      q,
    )
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
  return page;
}
