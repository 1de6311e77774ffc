import { pathLabel } from '../../../kernel/access/index.ts';
import type { Executor as AnyExecutor } from '../../../kernel/db/index.ts';
import { read } from '../registry.db.ts';

/** One exclusive part (专有部分) under a place, as an owners' vote needs it: area, use, delivery, owners of record. */
export interface ExclusivePart {
  roomId: string;
  roomPath: string;
  /** "3栋 / 1单元 / 301". */
  label: string;
  areaCenti: number;
  /** The floor recorded for the room (null when the registry has none): an elevator retrofit shares its cost by floor. */
  floor: number | null;
  areaSource: 'register' | 'surveyed' | 'contract';
  use: 'residential' | 'commercial' | 'parking';
  /** Delivered on or before `day` (a room with no delivery date was delivered before the registry kept it). */
  delivered: boolean;
  owners: {
    personId: string | null;
    personName: string | null;
    organisationId: string | null;
    organisationName: string | null;
    /** The organisation is a developer (建设单位). */
    developer: boolean;
    relation: 'owner' | 'co_owner';
    shareBp: number | null;
  }[];
}

/**
 * Every room under `placePath` with its owners and co-owners of record on `day` (tenants and family are not
 * owners), for a decision's roll. Read by the decisions module through index.ts; it checks access itself.
 */
export async function exclusivePartsUnder(caller: AnyExecutor, streetId: string, placePath: string, day: string): Promise<ExclusivePart[]> {
  // Called by other modules with their own view of the transaction (kernel/module-database.ts).
  const db = read(caller);
  const rooms = await db
    .selectFrom('reg_rooms as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .select(['r.place_id as roomId', 'p.path', 'r.area_centi', 'r.floor', 'r.area_source', 'r.use', 'r.delivered_on'])
    .select(pathLabel('p.path', ['building', 'unit', 'room']).as('label'))
    .where('r.street_id', '=', streetId)
    .where('p.path', 'like', `${placePath}%`)
    .orderBy('p.path')
    .execute();
  const owners = await db
    .selectFrom('reg_households as h')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'h.street_id').onRef('p.id', '=', 'h.room_id'))
    .leftJoin('reg_persons as person', (j) => j.onRef('person.street_id', '=', 'h.street_id').onRef('person.id', '=', 'h.person_id'))
    .leftJoin('reg_organisations as org', (j) => j.onRef('org.street_id', '=', 'h.street_id').onRef('org.id', '=', 'h.organisation_id'))
    .select(['h.room_id', 'h.person_id', 'person.name as personName', 'h.organisation_id', 'org.name as orgName', 'org.kind as orgKind', 'h.relation', 'h.share_bp'])
    .where('h.street_id', '=', streetId)
    .where('p.path', 'like', `${placePath}%`)
    .where('h.relation', 'in', ['owner', 'co_owner'])
    .where((eb) => eb.or([eb('h.start_date', 'is', null), eb('h.start_date', '<=', day)]))
    .where((eb) => eb.or([eb('h.end_date', 'is', null), eb('h.end_date', '>', day)]))
    .execute();
  const byRoom = new Map<string, ExclusivePart['owners']>();
  for (const o of owners) {
    const list = byRoom.get(o.room_id) ?? [];
    list.push({
      personId: o.person_id,
      personName: o.personName,
      organisationId: o.organisation_id,
      organisationName: o.orgName,
      developer: o.orgKind === 'developer',
      relation: o.relation as 'owner' | 'co_owner',
      shareBp: o.share_bp,
    });
    byRoom.set(o.room_id, list);
  }
  return rooms.map((r) => ({
    roomId: r.roomId,
    roomPath: r.path,
    label: r.label,
    areaCenti: r.area_centi,
    floor: r.floor,
    areaSource: r.area_source,
    use: r.use,
    delivered: r.delivered_on === null || String(r.delivered_on) <= day,
    owners: byRoom.get(r.roomId) ?? [],
  }));
}
