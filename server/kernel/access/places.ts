import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/index.ts';
import type { Insertable } from 'kysely';
import type { PlaceKind, PlacesTable, RegionsTable, StreetPlacesTable } from '../db/tables.ts';
import { CommonErrors } from '../errors.ts';
import { newId } from '../ids.ts';

export { CHILD_KINDS } from './place-kinds.ts';

/** A place as the kernel reads it: its row without the timestamps. */
export type PlaceRow = Omit<Selectable<PlacesTable>, 'created_at' | 'updated_at'>;

const PLACE_COLUMNS = ['id', 'parent_id', 'kind', 'name', 'path', 'depth', 'street_id'] as const;

export async function findPlace(db: Executor, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').select(PLACE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * The street of a place that must be in one (a module's records live at a street or below): the
 * distribution key its rows carry (docs/adr/0003-street-keys.md).
 */
export function streetOf(place: Pick<PlaceRow, 'id' | 'street_id'>): string {
  if (!place.street_id) throw new Error(`place ${place.id} is above street level: records belong to a street or below`);
  return place.street_id;
}

/** The place and its ancestors, root first (for breadcrumbs). */
export async function placeAncestors(db: Executor, place: PlaceRow): Promise<PlaceRow[]> {
  const ids = place.path.split('/').filter(Boolean);
  const rows = await db.selectFrom('places').select(PLACE_COLUMNS).where('id', 'in', ids).execute();
  return rows.sort((a, b) => a.depth - b.depth);
}

/** The nearest ancestor-or-self of a kind, e.g. the compound a room belongs to. */
export async function ancestorOfKind(db: Executor, place: PlaceRow, kind: PlaceKind): Promise<PlaceRow | undefined> {
  return (await placeAncestors(db, place)).find((p) => p.kind === kind);
}

const isRegion = (kind: PlaceKind): kind is 'city' | 'district' => kind === 'city' || kind === 'district';

/**
 * The row of a new place under `parent` (or a root), as the view `places` shows it: its path is the
 * parent's path plus its own id; its street is its own if it is one, else its parent's (none above).
 */
export function placeRow(input: {
  parent: Pick<PlaceRow, 'id' | 'path' | 'depth' | 'street_id'> | null;
  kind: PlaceKind;
  name: string;
  id?: string;
}): PlaceRow {
  const id = input.id ?? newId();
  return {
    id,
    parent_id: input.parent?.id ?? null,
    kind: input.kind,
    name: input.name.trim(),
    path: `${input.parent?.path ?? '/'}${id}/`,
    depth: (input.parent?.depth ?? -1) + 1,
    street_id: input.kind === 'street' ? id : isRegion(input.kind) ? null : (input.parent?.street_id ?? null),
  };
}

/**
 * The row to store for a place: a region's in `regions`, any other in `street_places`, where a
 * street hangs under its region by `region_id` and the others under their parent in the same street.
 */
export function storedPlace(row: PlaceRow): { table: 'regions'; row: Insertable<RegionsTable> } | { table: 'street_places'; row: Insertable<StreetPlacesTable> } {
  const { street_id, ...rest } = row;
  if (isRegion(row.kind)) return { table: 'regions', row: { ...rest, kind: row.kind } };
  if (!street_id) throw new Error(`a ${row.kind} must be in a street`);
  const street = row.kind === 'street';
  return {
    table: 'street_places',
    row: { ...rest, kind: row.kind, street_id, parent_id: street ? null : row.parent_id, region_id: street ? row.parent_id : null },
  };
}

/** Inserts a place under `parent` (or as a root). The caller checks kinds. */
export async function insertPlace(
  db: Executor,
  input: { parent: PlaceRow | null; kind: PlaceKind; name: string; id?: string },
): Promise<PlaceRow> {
  const row = placeRow(input);
  const stored = storedPlace(row);
  if (stored.table === 'regions') await db.insertInto('regions').values(stored.row).execute();
  else {
    // Streets are siblings across shards: the unique index holds names within a street only.
    if (row.kind === 'street' && (await siblingNamed(db, row.parent_id, row.name))) throw CommonErrors.CONFLICT({ reason: 'duplicate' });
    await db.insertInto('street_places').values(stored.row).execute();
  }
  return row;
}

/** Renames a place in whichever table holds it. */
export async function renamePlace(db: Executor, place: Pick<PlaceRow, 'id' | 'kind'>, name: string, at: Date): Promise<void> {
  if (isRegion(place.kind)) await db.updateTable('regions').set({ name, updated_at: at }).where('id', '=', place.id).execute();
  else await db.updateTable('street_places').set({ name, updated_at: at }).where('id', '=', place.id).execute();
}

/** Deletes a place (the caller has checked nothing hangs under it) from whichever table holds it. */
export async function deletePlace(db: Executor, place: Pick<PlaceRow, 'id' | 'kind'>): Promise<void> {
  if (isRegion(place.kind)) await db.deleteFrom('regions').where('id', '=', place.id).execute();
  else await db.deleteFrom('street_places').where('id', '=', place.id).execute();
}

async function siblingNamed(db: Executor, parentId: string | null, name: string): Promise<boolean> {
  const q = db.selectFrom('places').select('id').where('name', '=', name).where('kind', '=', 'street');
  return !!(await (parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null)).executeTakeFirst());
}

/**
 * SQL for a place's readable label from its path, e.g. "阳光花园 / 3栋 / 1单元 / 301": the names of
 * the ancestors of the given kinds. It looks the ancestors up by the ids in the path (primary-key
 * probes), not by matching every place's path against it.
 */
export function pathLabel(pathRef: string, kinds: PlaceKind[]): RawBuilder<string> {
  // A label of a street's places reads street_places alone: no need for the view's regions.
  const tree = kinds.some(isRegion) ? sql`places` : sql`street_places`;
  return sql<string>`(select string_agg(a.name, ' / ' order by a.depth) from ${tree} a
    where a.id = any(string_to_array(trim(both '/' from ${sql.ref(pathRef)}), '/')::uuid[]) and a.kind in (${sql.join(kinds)}))`;
}
