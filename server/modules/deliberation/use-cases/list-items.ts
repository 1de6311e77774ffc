import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { ITEM_STAGES, type ItemStage } from '../deliberation.constants.ts';
import { read, type Executor } from '../deliberation.db.ts';
import { placeFilter } from '../deliberation.policy.ts';
import { ItemsSort, type ItemsQuery } from '../items.schemas.ts';

/** When the item last changed stage (or was created): the board's "days in stage". */
export const stageSince = sql<Date>`(select max(e.at) from dlb_events e where e.street_id = i.street_id and e.item_id = i.id and e.stage_from is distinct from e.stage_to)`;

/** The items an official may read, with the list's filters but the stage (the board counts per stage over these). */
function itemsInScope(db: Executor, ctx: Ctx, q: Omit<ItemsQuery, 'page' | 'pageSize' | 'sort' | 'order' | 'stage'>) {
  return db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .where(placeFilter(ctx.actor, 'read', 'i.place_id', 'p.path'))
    .$if(!!q.placeId, (qb) => qb.where(sql<boolean>`p.path like (select sp.path from street_places sp where sp.id = ${q.placeId}) || '%'`))
    .$if(!!q.sourceKind, (qb) => qb.where('i.source_kind', '=', q.sourceKind!))
    .$if(!!q.q, (qb) => qb.where((eb) => eb.or([eb('i.code', 'ilike', containing(q.q!)), eb('i.title', 'ilike', containing(q.q!))])));
}

/**
 * The staff list and the agenda board in one answer: a page of the items in my places (search by code or
 * title, filter by stages, source and place, sort), and how many there are at each stage under the same filters.
 */
export async function listItems(ctx: Ctx, q: ItemsQuery) {
  const db = read(ctx);
  const base = itemsInScope(db, ctx, q);
  const staged = q.stage?.length ? base.where('i.stage', 'in', q.stage) : base;
  const [page, counts] = await Promise.all([
    paginate(
      q,
      ItemsSort.orderBy(
        staged.select([
          'i.id',
          'i.code',
          'i.title',
          'i.stage',
          'i.source_kind as sourceKind',
          'i.place_id as placeId',
          'p.name as placeName',
          'i.supporter_count as supporterCount',
          'i.listed_at as listedAt',
          'i.is_public as isPublic',
          'i.created_at as createdAt',
          'i.updated_at as updatedAt',
          stageSince.as('stageSince'),
        ]),
        q,
      )
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      staged.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ),
    base.select(['i.stage', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('i.stage').execute(),
  ]);
  const byStage = Object.fromEntries(ITEM_STAGES.map((s) => [s, 0])) as Record<ItemStage, number>;
  for (const c of counts) byStage[c.stage] = Number(c.n);
  return { ...page, counts: byStage };
}
