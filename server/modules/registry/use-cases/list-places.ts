import { scopePrefixes } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { RegistryPolicy, placeFilter } from '../registry.policy.ts';
import { listChildren } from '../registry.repository.ts';
import type { ChildrenQuery } from '../registry.schemas.ts';
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
