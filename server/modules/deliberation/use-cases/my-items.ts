import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { roomsOfActor, type ResidentRoom } from '../../registry/index.ts';
import { ITEM_STAGES, type ItemStage, STAGE_STEP } from '../deliberation.constants.ts';
import { read, type Executor } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import type { MyItemsQuery } from '../items.schemas.ts';
import { SUPPORTABLE } from './item-access.ts';

/** Public items at the places above my homes (my compounds, communities, street), merged ones left out. */
function itemsAboveMyRooms(db: Executor, rooms: ResidentRoom[]) {
  return db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .where('i.is_public', '=', true)
    .where('i.stage', '<>', 'merged')
    .where((eb) => eb.or(rooms.map((r) => sql<boolean>`${r.roomPath} like p.path || '%'`)));
}

/**
 * The items of my places for the H5's 议事 tab, newest first: each with its stage, supporting households,
 * whether my household supports it and whether I may still add our support; and how many there are per stage.
 */
export async function listMyItems(ctx: Ctx, q: MyItemsQuery) {
  const db = read(ctx);
  const rooms = await roomsOfActor(db, ctx);
  const byStage = Object.fromEntries(ITEM_STAGES.map((s) => [s, 0])) as Record<ItemStage, number>;
  if (!rooms.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, counts: byStage };
  const base = itemsAboveMyRooms(db, rooms);
  const staged = q.stage?.length ? base.where('i.stage', 'in', q.stage) : base;
  const [page, counts] = await Promise.all([
    paginate(
      q,
      staged
        .select(['i.street_id', 'i.id', 'i.code', 'i.title', 'i.stage', 'i.source_kind as sourceKind', 'p.name as placeName', 'p.path as placePath', 'i.supporter_count as supporterCount', 'i.created_at as createdAt', 'i.updated_at as updatedAt'])
        .orderBy('i.updated_at', 'desc')
        .orderBy('i.id', 'desc')
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      staged.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ),
    base.select(['i.stage', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('i.stage').execute(),
  ]);
  for (const c of counts) byStage[c.stage] = Number(c.n);
  const supporting = page.items.length
    ? await db
        .selectFrom('dlb_supporters')
        .select(['item_id', 'room_id'])
        .where('item_id', 'in', page.items.map((i) => i.id))
        .where('room_id', 'in', rooms.map((r) => r.roomId))
        .execute()
    : [];
  return {
    ...page,
    items: page.items.map(({ street_id: _s, placePath, ...i }) => {
      const mine = rooms.filter((r) => r.roomPath.startsWith(placePath));
      const supportedRooms = new Set(supporting.filter((s) => s.item_id === i.id).map((s) => s.room_id));
      return {
        ...i,
        step: STAGE_STEP[i.stage],
        supported: supportedRooms.size > 0,
        canSupport: SUPPORTABLE.includes(i.stage) && mine.some((r) => !supportedRooms.has(r.roomId)),
      };
    }),
    counts: byStage,
  };
}

/**
 * The item an opinion became, for its poster's opinion page ("已转为议题 YT-… · 当前阶段"): followed through
 * merges to the item that carries it now. Only for a resident of its place (else not found).
 */
export async function myItemByOpinion(ctx: Ctx, opinionId: string) {
  const db = read(ctx);
  const source = await db.selectFrom('dlb_item_sources').select(['street_id', 'item_id']).where('kind', '=', 'opinion').where('ref_id', '=', opinionId).executeTakeFirst();
  if (!source) throw DeliberationErrors.ITEM_NOT_FOUND();
  const item = await db
    .selectFrom('dlb_items as i')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .select(['i.id', 'i.code', 'i.stage', 'i.is_public', 'p.path'])
    .where('i.street_id', '=', source.street_id)
    .where('i.id', '=', source.item_id)
    .executeTakeFirst();
  const rooms = await roomsOfActor(db, ctx);
  if (!item || !item.is_public || !rooms.some((r) => r.roomPath.startsWith(item.path))) throw DeliberationErrors.ITEM_NOT_FOUND();
  return { id: item.id, code: item.code, stage: item.stage, step: STAGE_STEP[item.stage] };
}
