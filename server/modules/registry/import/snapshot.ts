import { sql } from 'kysely';
import type { PlaceRow } from '../../../kernel/access/index.ts';
import type { Executor } from '../registry.db.ts';
import type { Relation } from '../registry.tables.ts';
import type { AreaSource, RoomUse } from './lines.ts';

/**
 * What the registry already holds under the import's target place, read with a handful of
 * set-based queries (never one per row): the place tree down to rooms, the rooms' details, the
 * current households, and the people the file's ID numbers and mobiles point at.
 */
export interface SnapshotPlace extends PlaceRow {
  floor: number | null;
  area_centi: number | null;
  area_source: AreaSource | null;
  use: RoomUse | null;
}
export interface SnapshotHousehold {
  id: string;
  personId: string | null;
  organisationId: string | null;
  relation: Relation;
  shareBp: number | null;
  personName: string | null;
}
export interface SnapshotPerson {
  id: string;
  name: string;
  phoneHash: string | null;
  idHash: string | null;
  idMasked: string | null;
  tags: string[];
  /** Registered under the target place: an import may update their phone and tags. */
  inTarget: boolean;
}

export interface Snapshot {
  target: PlaceRow;
  /** Children by parent id and name (compound → buildings → units → rooms). */
  children: Map<string, Map<string, SnapshotPlace>>;
  /** Compounds at or under the target, by name. */
  compounds: Map<string, SnapshotPlace[]>;
  households: Map<string, SnapshotHousehold[]>;
  personsByIdHash: Map<string, SnapshotPerson>;
  personsByPhoneHash: Map<string, SnapshotPerson[]>;
  personsById: Map<string, SnapshotPerson>;
}

const CHUNK = 5000;

export async function loadSnapshot(db: Executor, target: PlaceRow, idHashes: string[], phoneHashes: string[]): Promise<Snapshot> {
  const prefix = `${target.path}%`;
  const places = await db
    .selectFrom('places as p')
    .leftJoin('reg_rooms as r', 'r.place_id', 'p.id')
    .select(['p.id', 'p.parent_id', 'p.kind', 'p.name', 'p.path', 'p.depth', 'p.street_id', 'r.floor', 'r.area_centi', 'r.area_source', 'r.use'])
    .where('p.path', 'like', prefix)
    .where('p.kind', 'in', ['compound', 'building', 'unit', 'room'])
    .execute();
  const children = new Map<string, Map<string, SnapshotPlace>>();
  const compounds = new Map<string, SnapshotPlace[]>();
  for (const p of places as SnapshotPlace[]) {
    if (p.kind === 'compound') compounds.set(p.name, [...(compounds.get(p.name) ?? []), p]);
    if (!p.parent_id) continue;
    let m = children.get(p.parent_id);
    if (!m) children.set(p.parent_id, (m = new Map()));
    m.set(p.name, p);
  }

  const householdRows = await db
    .selectFrom('reg_households as h')
    .innerJoin('places as pl', 'pl.id', 'h.room_id')
    .leftJoin('reg_persons as p', 'p.id', 'h.person_id')
    .select(['h.id', 'h.room_id', 'h.person_id', 'h.organisation_id', 'h.relation', 'h.share_bp', 'p.name'])
    .where('pl.path', 'like', prefix)
    .where('h.end_date', 'is', null)
    .execute();
  const households = new Map<string, SnapshotHousehold[]>();
  for (const h of householdRows) {
    const list = households.get(h.room_id) ?? [];
    list.push({ id: h.id, personId: h.person_id, organisationId: h.organisation_id, relation: h.relation, shareBp: h.share_bp, personName: h.name });
    households.set(h.room_id, list);
  }

  const personsByIdHash = new Map<string, SnapshotPerson>();
  const personsByPhoneHash = new Map<string, SnapshotPerson[]>();
  const personsById = new Map<string, SnapshotPerson>();
  const personQuery = (column: 'id_number_hash' | 'phone_hash', hashes: string[]) =>
    db
      .selectFrom('reg_persons as p')
      .innerJoin('places as pl', 'pl.id', 'p.place_id')
      .select(['p.id', 'p.name', 'p.phone_hash', 'p.id_number_hash', 'p.id_number_masked', 'p.tags', sql<boolean>`pl.path like ${prefix}`.as('in_target')])
      .where(sql.ref(`p.${column}`), '=', sql`any(${hashes}::text[])`)
      .execute();
  const keep = (r: Awaited<ReturnType<typeof personQuery>>[number]) => {
    const known = personsById.get(r.id);
    if (known) return known;
    const p: SnapshotPerson = { id: r.id, name: r.name, phoneHash: r.phone_hash, idHash: r.id_number_hash, idMasked: r.id_number_masked, tags: r.tags, inTarget: r.in_target };
    personsById.set(p.id, p);
    if (p.idHash) personsByIdHash.set(p.idHash, p);
    if (p.phoneHash) personsByPhoneHash.set(p.phoneHash, [...(personsByPhoneHash.get(p.phoneHash) ?? []), p]);
    return p;
  };
  for (let i = 0; i < idHashes.length; i += CHUNK) for (const r of await personQuery('id_number_hash', idHashes.slice(i, i + CHUNK))) keep(r);
  for (let i = 0; i < phoneHashes.length; i += CHUNK) for (const r of await personQuery('phone_hash', phoneHashes.slice(i, i + CHUNK))) keep(r);
  // The people of the target's current households, for matching holders listed without an ID number.
  const missing = [...new Set(householdRows.map((h) => h.person_id).filter((id): id is string => !!id && !personsById.has(id)))];
  for (let i = 0; i < missing.length; i += CHUNK) {
    const rows = await db
      .selectFrom('reg_persons as p')
      .innerJoin('places as pl', 'pl.id', 'p.place_id')
      .select(['p.id', 'p.name', 'p.phone_hash', 'p.id_number_hash', 'p.id_number_masked', 'p.tags', sql<boolean>`pl.path like ${prefix}`.as('in_target')])
      .where('p.id', '=', sql<string>`any(${missing.slice(i, i + CHUNK)}::uuid[])`)
      .execute();
    for (const r of rows) keep(r);
  }
  return { target, children, compounds, households, personsByIdHash, personsByPhoneHash, personsById };
}
