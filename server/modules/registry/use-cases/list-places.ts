import { scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { RegistryPolicy, allows, placeFilter } from '../registry.policy.ts';
import { listChildren } from '../registry.repository.ts';
import type { ChildrenQuery, PlaceSearchQuery } from '../registry.schemas.ts';
import { loadPlaceFor } from './load-place.ts';
import { read } from '../registry.db.ts';

/** The top of the actor's tree: the places their grants name (a wider grant hides a narrower one). */
export async function listRootPlaces(ctx: Ctx) {
  const prefixes = scopePrefixes(ctx.actor, RegistryPolicy.readPlaces);
  const db = read(ctx);
  const query = db
    .selectFrom('places')
    .select(['id', 'kind', 'name', 'path'])
    .select((eb) => eb.selectFrom('places as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'places.id').as('childCount'));
  const rows =
    prefixes === null
      ? await query.where('parent_id', 'is', null).execute()
      : prefixes.length === 0
        ? []
        : await query.where('path', 'in', prefixes).orderBy('depth').orderBy('name').execute();
  return rows.map(({ path: _path, ...r }) => r);
}

/** A place's children, paginated, searchable by name and sortable (natural name order by default). */
export async function listChildPlaces(ctx: Ctx, parentId: string, q: ChildrenQuery) {
  await loadPlaceFor(read(ctx), ctx, parentId, 'readPlaces');
  return listChildren(read(ctx), parentId, q, placeFilter(ctx.actor, 'readPlaces', 'places.id', 'places.path'));
}

/** How many places a picker's search returns: enough to choose from, few enough to read. */
export const PLACE_SEARCH_LIMIT = 20;

/**
 * Places in the actor's scope whose name holds the text (a picker's search: typing 翠湖苑 finds it), the
 * widest first. Each comes with the names of its ancestors the actor may see, so that two places of
 * the same name (1栋 of two compounds) can be told apart.
 */
export async function searchPlaces(ctx: Ctx, q: PlaceSearchQuery) {
  const db = read(ctx);
  const rows = await db
    .selectFrom('places')
    .select(['id', 'kind', 'name', 'path'])
    .where(placeFilter(ctx.actor, 'readPlaces', 'places.id', 'places.path'))
    .where('name', 'like', containing(q.q))
    .$if(!!q.kinds, (qb) => qb.where('kind', 'in', q.kinds!))
    .orderBy('depth')
    .orderBy('name')
    .orderBy('id')
    .limit(PLACE_SEARCH_LIMIT)
    .execute();
  // The ancestors of all the results, in one query.
  const ids = [...new Set(rows.flatMap((r) => r.path.split('/').filter(Boolean)))];
  const ancestors = ids.length === 0 ? [] : await db.selectFrom('places').select(['id', 'name', 'path']).where('id', 'in', ids).execute();
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return {
    items: rows.map(({ path, ...r }) => ({
      ...r,
      within: path
        .split('/')
        .filter((id) => id && id !== r.id)
        .map((id) => byId.get(id))
        .filter((a) => !!a && allows(ctx.actor, 'readPlaces', a.path))
        .map((a) => a!.name),
    })),
  };
}
