import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/index.ts';
import type { PlaceKind, PlacesTable } from '../db/tables.ts';
import { newId } from '../ids.ts';

export { CHILD_KINDS } from './place-kinds.ts';

/** A place as the kernel reads it: its row without the timestamps. */
export type PlaceRow = Omit<Selectable<PlacesTable>, 'created_at' | 'updated_at'>;

export async function findPlace(db: Executor, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').select(['id', 'parent_id', 'kind', 'name', 'path', 'depth']).where('id', '=', id).executeTakeFirst();
}

/** The place and its ancestors, root first (for breadcrumbs). */
export async function placeAncestors(db: Executor, place: PlaceRow): Promise<PlaceRow[]> {
  const ids = place.path.split('/').filter(Boolean);
  const rows = await db.selectFrom('places').select(['id', 'parent_id', 'kind', 'name', 'path', 'depth']).where('id', 'in', ids).execute();
  return rows.sort((a, b) => a.depth - b.depth);
}

/** The nearest ancestor-or-self of a kind, e.g. the compound a room belongs to. */
export async function ancestorOfKind(db: Executor, place: PlaceRow, kind: PlaceKind): Promise<PlaceRow | undefined> {
  return (await placeAncestors(db, place)).find((p) => p.kind === kind);
}

/** The row of a new place under `parent` (or a root): its path is the parent's path plus its own id. */
export function placeRow(input: { parent: Pick<PlaceRow, 'id' | 'path' | 'depth'> | null; kind: PlaceKind; name: string; id?: string }): PlaceRow {
  const id = input.id ?? newId();
  return {
    id,
    parent_id: input.parent?.id ?? null,
    kind: input.kind,
    name: input.name.trim(),
    path: `${input.parent?.path ?? '/'}${id}/`,
    depth: (input.parent?.depth ?? -1) + 1,
  };
}

/** Inserts a place under `parent` (or as a root). The caller checks kinds. */
export async function insertPlace(
  db: Executor,
  input: { parent: PlaceRow | null; kind: PlaceKind; name: string; id?: string },
): Promise<PlaceRow> {
  const row = placeRow(input);
  await db.insertInto('places').values(row).execute();
  return row;
}

/**
 * SQL for a place's readable label from its path, e.g. "阳光花园 / 3栋 / 1单元 / 301": the names of
 * the ancestors of the given kinds. It looks the ancestors up by the ids in the path (primary-key
 * probes), not by matching every place's path against it.
 */
export function pathLabel(pathRef: string, kinds: PlaceKind[]): RawBuilder<string> {
  return sql<string>`(select string_agg(a.name, ' / ' order by a.depth) from places a
    where a.id = any(string_to_array(trim(both '/' from ${sql.ref(pathRef)}), '/')::uuid[]) and a.kind in (${sql.join(kinds)}))`;
}
