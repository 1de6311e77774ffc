import type { Executor } from '../deliberation.db.ts';
import type { ItemRow } from '../deliberation.repository.ts';

/** The item's timeline, oldest first: every stage change and step, with who took it (staff view). */
export function itemTimeline(db: Executor, item: Pick<ItemRow, 'street_id' | 'id'>) {
  return db
    .selectFrom('dlb_events')
    .select(['id', 'at', 'actor_name as actorName', 'actor_id as actorId', 'kind', 'stage_from as from', 'stage_to as to', 'note', 'detail'])
    .where('street_id', '=', item.street_id)
    .where('item_id', '=', item.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The item's sources, first first: a merged item's sources keep the item they came from. */
export function itemSources(db: Executor, item: Pick<ItemRow, 'street_id' | 'id'>) {
  return db
    .selectFrom('dlb_item_sources as s')
    .leftJoin('dlb_items as o', (j) => j.onRef('o.street_id', '=', 's.street_id').onRef('o.id', '=', 's.original_item_id'))
    .select(['s.id', 's.kind', 's.ref_id as refId', 's.label', 's.original_item_id as originalItemId', 'o.code as originalCode', 's.added_at as addedAt'])
    .where('s.street_id', '=', item.street_id)
    .where('s.item_id', '=', item.id)
    .orderBy('s.added_at')
    .orderBy('s.id')
    .execute();
}
