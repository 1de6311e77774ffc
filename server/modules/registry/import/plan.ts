import { placeRow, type PlaceRow } from '../../../kernel/access/places.ts';
import { newId } from '../../../kernel/ids.ts';
import { maskIdNumber, maskPhone, type Pii } from '../../../kernel/pii/pii.ts';
import type { RegImportPersonsTable, Relation } from '../registry.tables.ts';
import { type ColumnInfo, type Field } from './columns.ts';
import type { Issue, IssueCode, IssueParams } from './issues.ts';
import { type AreaSource, centiText, type Line, type RoomUse, type Tag } from './lines.ts';
import type { Snapshot, SnapshotPerson, SnapshotPlace } from './snapshot.ts';

/**
 * Turns the file's valid lines into a plan against the registry: which buildings, units, rooms,
 * people and households to create, which to update, which are already there. Checks across rows
 * (a room described two ways, an ID number under two names, the same person twice in a room,
 * shares over 100%) and against the registry (an ID number registered under another name) drop
 * the offending rows with an error; everything else is counted.
 *
 * Natural keys: a room is compound + building + unit + room number; a person is their ID number
 * (by keyed hash) or, without one, their name among the room's current holders; a household is
 * room + person + relation among the current ones. So importing the same file again finds
 * everything in place and changes nothing.
 */

export interface Counts {
  rows: { total: number; blank: number; valid: number; invalid: number };
  buildings: { created: number; unchanged: number };
  units: { created: number; unchanged: number };
  rooms: { created: number; updated: number; unchanged: number };
  persons: { created: number; updated: number; unchanged: number };
  households: { created: number; updated: number; unchanged: number };
}

export interface PlannedRoom {
  op: 'create' | 'update';
  place_id: string;
  floor: number | null;
  area_centi: number;
  area_source: AreaSource;
  use: RoomUse;
}
/** A person to create or update: the columns of the staging table (0006) that also go into reg_persons. */
export type PlannedPerson = Omit<RegImportPersonsTable, 'import_id'>;
export interface PlannedHousehold {
  op: 'create' | 'update';
  id: string;
  room_id: string;
  person_id: string;
  relation: Relation;
  share_bp: number | null;
}

export interface Plan {
  places: PlaceRow[];
  rooms: PlannedRoom[];
  persons: PlannedPerson[];
  households: PlannedHousehold[];
  counts: Counts;
  /** Rows whose content goes into the registry. */
  validRows: Set<number>;
}

const OWNERSHIP = new Set<Relation>(['owner', 'co_owner']);
const SEP = '\u0001';

/** A line's person, with the row it came from and the key that finds it again across rows. */
type Holder = NonNullable<Line['person']> & { row: number; key: string };
interface RoomAgg {
  key: string;
  compound: SnapshotPlace | PlaceRow;
  building: string;
  unit: string;
  room: string;
  rows: number[];
  attrs: Partial<Record<'floor' | 'area' | 'areaSource' | 'use', { value: string | number; row: number }>>;
  holders: Map<string, Holder>;
}

const maskName = (name: string) => (name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 3))}`);

export function buildPlan(opts: {
  lines: Line[];
  columns: ColumnInfo[];
  snapshot: Snapshot;
  pii: Pii;
  /** Encrypt personal data for writing (a commit); a dry run only counts. */
  materialise: boolean;
  issues: Issue[];
  totalRows: number;
  blankRows: number;
}): Plan {
  const { lines, snapshot, pii, issues } = opts;
  const colOf = new Map<Field, ColumnInfo>();
  for (const c of opts.columns) if (c.field) colOf.set(c.field, c);
  const issue = (row: number, field: Field | null, code: IssueCode, params: IssueParams = {}, level: Issue['level'] = 'error') => {
    const c = field ? colOf.get(field) : undefined;
    issues.push({ row, column: c?.letter ?? null, header: c?.header ?? null, field, level, code, params });
  };
  const invalid = new Set<number>(issues.filter((i) => i.level === 'error').map((i) => i.row));

  // ——— the compound of each line ———
  const target = snapshot.target;
  const compoundOf = (line: Line): SnapshotPlace | PlaceRow | null => {
    if (target.kind === 'compound') {
      if (line.compound && line.compound !== target.name) {
        issue(line.row, 'compound', 'COMPOUND_MISMATCH', { value: line.compound, target: target.name });
        return null;
      }
      return target;
    }
    if (!line.compound) {
      issue(line.row, 'compound', 'MISSING', { field: 'compound' });
      return null;
    }
    const found = snapshot.compounds.get(line.compound) ?? [];
    if (found.length !== 1) {
      issue(line.row, 'compound', found.length ? 'COMPOUND_AMBIGUOUS' : 'COMPOUND_UNKNOWN', { value: line.compound });
      return null;
    }
    return found[0]!;
  };

  // ——— pass 1: across rows, in file order ———
  const rooms = new Map<string, RoomAgg>();
  const nameOfId = new Map<string, { name: string; row: number }>();
  const idOfPerson = new Map<string, { idHash: string; row: number }>();
  for (const line of lines) {
    const compound = compoundOf(line);
    if (!compound) {
      invalid.add(line.row);
      continue;
    }
    const key = [compound.id, line.building, line.unit, line.room].join(SEP);
    let agg = rooms.get(key);
    const fresh = !agg;
    agg ??= { key, compound, building: line.building, unit: line.unit, room: line.room, rows: [], attrs: {}, holders: new Map() };
    let bad = false;
    const attrs: [keyof RoomAgg['attrs'], Field, string | number | null, (v: string | number) => string][] = [
      ['floor', 'floor', line.floor, String],
      ['area', 'area', line.areaCenti, (v) => centiText(Number(v))],
      ['areaSource', 'areaSource', line.areaSource, String],
      ['use', 'use', line.use, String],
    ];
    for (const [attr, field, value, show] of attrs) {
      const seen = agg.attrs[attr];
      if (value !== null && seen && seen.value !== value) {
        issue(line.row, field, 'ROOM_CONFLICT', { field, otherRow: seen.row, other: show(seen.value), value: show(value) });
        bad = true;
      }
    }
    let holder: Holder | null = null;
    const p = line.person;
    if (!bad && p) {
      const { idHash, phoneHash } = p;
      const hkey = idHash ? `id:${idHash}` : `name:${p.name}`;
      const dup = agg.holders.get(hkey);
      const sameId = idHash ? nameOfId.get(idHash) : undefined;
      const personKey = p.phone ? `${p.name}${SEP}${p.phone}` : null;
      const otherId = personKey ? idOfPerson.get(personKey) : undefined;
      const registered = idHash ? snapshot.personsByIdHash.get(idHash) : undefined;
      const registeredOtherId =
        idHash && phoneHash ? (snapshot.personsByPhoneHash.get(phoneHash) ?? []).find((r) => r.name === p.name && r.idHash && r.idHash !== idHash) : undefined;
      if (dup) {
        issue(line.row, 'name', 'DUPLICATE_ROW', { otherRow: dup.row });
        bad = true;
      } else if (sameId && sameId.name !== p.name) {
        issue(line.row, 'name', 'ID_TWO_NAMES', { otherRow: sameId.row, other: sameId.name });
        bad = true;
      } else if (idHash && otherId && otherId.idHash !== idHash) {
        issue(line.row, 'idNumber', 'PERSON_TWO_IDS', { otherRow: otherId.row });
        bad = true;
      } else if (registered && registered.name !== p.name) {
        issue(line.row, 'idNumber', 'ID_REGISTERED_OTHER_NAME', { other: maskName(registered.name) });
        bad = true;
      } else if (registeredOtherId) {
        issue(line.row, 'idNumber', 'PERSON_REGISTERED_OTHER_ID', { other: registeredOtherId.idMasked ?? '****' });
        bad = true;
      }
      if (!bad) {
        holder = { row: line.row, key: hkey, name: p.name, idNumber: p.idNumber, idHash, phone: p.phone, phoneHash, relation: p.relation, shareBp: p.shareBp, tags: p.tags };
        if (idHash && !sameId) nameOfId.set(idHash, { name: p.name, row: line.row });
        if (idHash && personKey && !otherId) idOfPerson.set(personKey, { idHash, row: line.row });
      }
    }
    if (bad) {
      invalid.add(line.row);
      continue;
    }
    for (const [attr, , value] of attrs) if (value !== null && !agg.attrs[attr]) agg.attrs[attr] = { value, row: line.row };
    if (holder) agg.holders.set(holder.key, holder);
    agg.rows.push(line.row);
    if (fresh) rooms.set(key, agg);
  }

  // ——— pass 2: per room, against the registry ———
  const existingRoom = (agg: RoomAgg) => {
    const b = snapshot.children.get(agg.compound.id)?.get(agg.building);
    const u = b && snapshot.children.get(b.id)?.get(agg.unit);
    return { b, u, r: u ? snapshot.children.get(u.id)?.get(agg.room) : undefined };
  };
  const dropRoomRows = (agg: RoomAgg, rows: number[]) => {
    for (const r of rows) invalid.add(r);
    agg.rows = agg.rows.filter((r) => !rows.includes(r));
    for (const [k, h] of agg.holders) if (rows.includes(h.row)) agg.holders.delete(k);
  };
  for (const agg of rooms.values()) {
    const { r } = existingRoom(agg);
    if (!r && !agg.attrs.area) {
      for (const row of agg.rows) issue(row, 'area', 'ROOM_NEEDS_AREA');
      dropRoomRows(agg, [...agg.rows]);
      continue;
    }
    const owners = [...agg.holders.values()].filter((h) => OWNERSHIP.has(h.relation));
    if (owners.length === 0) continue;
    const blank = owners.filter((h) => h.shareBp === null);
    if (blank.length > 0 && blank.length < owners.length) {
      for (const h of blank) issue(h.row, 'share', 'SHARE_REQUIRED');
      dropRoomRows(agg, blank.map((h) => h.row));
    }
    const listed = [...agg.holders.values()].filter((h) => OWNERSHIP.has(h.relation));
    if (listed.length > 0 && listed.every((h) => h.shareBp === null)) {
      // No shares given: the owners hold equal shares (the first takes the rounding remainder).
      const each = Math.floor(10000 / listed.length);
      listed.forEach((h, i) => {
        h.shareBp = i === 0 ? 10000 - each * (listed.length - 1) : each;
      });
    }
    // Owners already on record and not in the file keep their shares.
    const listedIds = new Set(listed.map((h) => (h.idHash ? snapshot.personsByIdHash.get(h.idHash)?.id : undefined)).filter(Boolean));
    const listedNames = new Set(listed.map((h) => h.name));
    const others = r
      ? (snapshot.households.get(r.id) ?? []).filter(
          (h) => OWNERSHIP.has(h.relation) && !(h.personId && listedIds.has(h.personId)) && !(h.personName && listedNames.has(h.personName)),
        )
      : [];
    const total = listed.reduce((s, h) => s + (h.shareBp ?? 0), 0) + others.reduce((s, h) => s + (h.shareBp ?? 0), 0);
    if (total > 10000) {
      const label = `${agg.building}-${agg.unit}-${agg.room}`;
      for (const h of listed) issue(h.row, 'share', 'SHARE_TOTAL', { room: label, total: (total / 100).toFixed(2).replace(/\.?0+$/, '') });
      dropRoomRows(agg, listed.map((h) => h.row));
    }
  }

  // ——— pass 3: the plan ———
  const plan: Plan = {
    places: [],
    rooms: [],
    persons: [],
    households: [],
    validRows: new Set(),
    counts: {
      rows: { total: opts.totalRows, blank: opts.blankRows, valid: 0, invalid: 0 },
      buildings: { created: 0, unchanged: 0 },
      units: { created: 0, unchanged: 0 },
      rooms: { created: 0, updated: 0, unchanged: 0 },
      persons: { created: 0, updated: 0, unchanged: 0 },
      households: { created: 0, updated: 0, unchanged: 0 },
    },
  };
  const c = plan.counts;
  const newPlaces = new Map<string, PlaceRow>();
  const seenPlaces = new Set<string>();
  const placeUnder = (parent: PlaceRow, kind: 'building' | 'unit' | 'room', name: string): { place: PlaceRow; existed: boolean } => {
    const existing = snapshot.children.get(parent.id)?.get(name);
    if (existing) return { place: existing, existed: true };
    const k = parent.id + SEP + name;
    let row = newPlaces.get(k);
    if (!row) {
      row = placeRow({ parent, kind, name, id: newId() });
      newPlaces.set(k, row);
      plan.places.push(row);
    }
    return { place: row, existed: false };
  };
  const countPlace = (kind: 'buildings' | 'units', id: string, existed: boolean) => {
    if (seenPlaces.has(id)) return;
    seenPlaces.add(id);
    c[kind][existed ? 'unchanged' : 'created']++;
  };

  interface PersonState {
    id: string;
    planned: PlannedPerson | null;
    counted: boolean;
  }
  const personStates = new Map<string, PersonState>();
  const personByIdHash = new Map<string, PersonState>();

  const resolvePerson = (h: Holder, agg: RoomAgg, roomId: string | null): PersonState => {
    if (h.idHash) {
      const known = personByIdHash.get(h.idHash);
      if (known) return known;
    }
    let existing: SnapshotPerson | undefined = h.idHash ? snapshot.personsByIdHash.get(h.idHash) : undefined;
    if (!existing && !h.idHash && roomId) {
      // Without an ID number, a holder is the room's current holder of that name.
      const match = (snapshot.households.get(roomId) ?? []).find((x) => x.personName === h.name && x.personId);
      if (match) existing = snapshot.personsById.get(match.personId!);
    }
    let state: PersonState;
    if (existing) {
      state = personStates.get(existing.id) ?? { id: existing.id, planned: null, counted: false };
      const phoneChanged = h.phoneHash !== null && h.phoneHash !== existing.phoneHash;
      const tags = [...new Set([...existing.tags, ...h.tags])].sort();
      const tagsChanged = tags.length !== existing.tags.length;
      if (!state.counted) {
        if (existing.inTarget && (phoneChanged || tagsChanged)) {
          state.planned = {
            op: 'update',
            id: existing.id,
            place_id: agg.compound.id,
            name: existing.name,
            ...piiColumns(h, phoneChanged, false),
            tags,
          };
          plan.persons.push(state.planned);
          c.persons.updated++;
          issue(h.row, phoneChanged ? 'phone' : 'tags', 'PERSON_UPDATE', { field: phoneChanged ? 'phone' : 'tags' }, 'update');
        } else c.persons.unchanged++;
        state.counted = true;
      }
    } else {
      const id = newId();
      state = { id, planned: null, counted: true };
      state.planned = { op: 'create', id, place_id: agg.compound.id, name: h.name, ...piiColumns(h, true, true), tags: h.tags };
      plan.persons.push(state.planned);
      c.persons.created++;
    }
    personStates.set(state.id, state);
    if (h.idHash) personByIdHash.set(h.idHash, state);
    return state;
  };
  const piiColumns = (h: Holder, withPhone: boolean, withId: boolean) => ({
    phone_enc: withPhone && h.phone && opts.materialise ? pii.encrypt(h.phone) : null,
    phone_hash: withPhone ? h.phoneHash : null,
    phone_masked: withPhone && h.phone ? maskPhone(h.phone) : null,
    id_number_enc: withId && h.idNumber && opts.materialise ? pii.encrypt(h.idNumber) : null,
    id_number_hash: withId ? h.idHash : null,
    id_number_masked: withId && h.idNumber ? maskIdNumber(h.idNumber) : null,
  });

  for (const agg of rooms.values()) {
    if (agg.rows.length === 0) continue;
    for (const r of agg.rows) plan.validRows.add(r);
    const b = placeUnder(agg.compound, 'building', agg.building);
    countPlace('buildings', b.place.id, b.existed);
    const u = placeUnder(b.place, 'unit', agg.unit);
    countPlace('units', u.place.id, u.existed);
    const r = placeUnder(u.place, 'room', agg.room);
    const a = agg.attrs;
    if (!r.existed) {
      plan.rooms.push({
        op: 'create',
        place_id: r.place.id,
        floor: (a.floor?.value as number | undefined) ?? null,
        area_centi: a.area!.value as number,
        area_source: (a.areaSource?.value as AreaSource | undefined) ?? 'register',
        use: (a.use?.value as RoomUse | undefined) ?? 'residential',
      });
      c.rooms.created++;
    } else {
      const old = r.place as SnapshotPlace;
      const next = {
        floor: a.floor ? (a.floor.value as number) : old.floor,
        area_centi: a.area ? (a.area.value as number) : old.area_centi,
        area_source: a.areaSource ? (a.areaSource.value as AreaSource) : old.area_source,
        use: a.use ? (a.use.value as RoomUse) : old.use,
      };
      const changes: [Field, string, string, number][] = [];
      if (next.floor !== old.floor) changes.push(['floor', String(old.floor ?? ''), String(next.floor), a.floor!.row]);
      if (next.area_centi !== old.area_centi) changes.push(['area', centiText(old.area_centi ?? 0), centiText(next.area_centi!), a.area!.row]);
      if (next.area_source !== old.area_source) changes.push(['areaSource', String(old.area_source), String(next.area_source), a.areaSource!.row]);
      if (next.use !== old.use) changes.push(['use', String(old.use), String(next.use), a.use!.row]);
      if (old.area_centi === null) {
        // A place named like the room exists but has no room details: not something an import repairs.
        c.rooms.unchanged++;
      } else if (changes.length > 0) {
        plan.rooms.push({ op: 'update', place_id: r.place.id, floor: next.floor, area_centi: next.area_centi!, area_source: next.area_source!, use: next.use! });
        c.rooms.updated++;
        for (const [field, other, value, row] of changes) issue(row, field, 'ROOM_UPDATE', { field, other, value }, 'update');
      } else c.rooms.unchanged++;
    }
    const current = r.existed ? (snapshot.households.get(r.place.id) ?? []) : [];
    for (const h of agg.holders.values()) {
      const person = resolvePerson(h, agg, r.existed ? r.place.id : null);
      const share = OWNERSHIP.has(h.relation) ? h.shareBp : null;
      const found = current.find((x) => x.personId === person.id && x.relation === h.relation);
      if (!found) {
        plan.households.push({ op: 'create', id: newId(), room_id: r.place.id, person_id: person.id, relation: h.relation, share_bp: share });
        c.households.created++;
      } else if (OWNERSHIP.has(h.relation) && found.shareBp !== share) {
        plan.households.push({ op: 'update', id: found.id, room_id: r.place.id, person_id: person.id, relation: h.relation, share_bp: share });
        c.households.updated++;
        const pct = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`);
        issue(h.row, 'share', 'SHARE_UPDATE', { other: pct(found.shareBp), value: pct(share) }, 'update');
      } else c.households.unchanged++;
    }
  }
  c.rows.valid = plan.validRows.size;
  c.rows.invalid = invalid.size;
  return plan;
}
