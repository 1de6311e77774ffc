import { createHash } from 'node:crypto';
import type { Plan } from './plan.ts';

/**
 * A plan as the rows a commit writes, already in COPY's text format and cut into chunks, so the
 * thread that writes them (the server's) does no per-row work at all. Created rows go straight
 * into the registry's tables; updates go to the staging tables (0006) under the import's id and
 * reach the registry with one UPDATE … FROM per table (write-plan.ts). Parents come before
 * children: places by depth, then rooms, people, households. The rows carry no timestamps: a plan
 * may be made at the dry run and written later, and the write sets the time (migration 0008).
 */
export interface CopyLoad {
  table: CopyTable;
  columns: readonly string[];
  rows: number;
  /** UTF-8 COPY text of at most CHUNK_ROWS rows each. */
  chunks: { rows: number; text: Uint8Array }[];
}

export type CopyTable =
  | 'street_places'
  | 'reg_rooms'
  | 'reg_persons'
  | 'reg_households'
  | 'reg_import_rooms'
  | 'reg_import_persons'
  | 'reg_import_households';

/** Rows per COPY statement: large enough to amortise a statement, small enough to hand the loop back often. */
export const CHUNK_ROWS = 5000;

const SPECIAL = /[\\\t\n\r]/;

/** COPY text format: tab-separated, \N for null, backslash escapes; arrays as {"a","b"}. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (Array.isArray(v)) return copyValue(`{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  const s = String(v);
  // Almost every value needs no escaping: test once instead of four replaces.
  return SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

const encoder = new TextEncoder();

function load<T>(table: CopyTable, columns: readonly string[], rows: T[], values: (row: T) => unknown[]): CopyLoad {
  const chunks: CopyLoad['chunks'] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const slice = rows.slice(i, i + CHUNK_ROWS);
    let text = '';
    for (const row of slice) text += `${values(row).map(copyValue).join('\t')}\n`;
    chunks.push({ rows: slice.length, text: encoder.encode(text) });
  }
  return { table, columns, rows: rows.length, chunks };
}

/** `streetId`: the street of the import's target; everything an import writes is in it (docs/adr/0003-street-keys.md). */
export function planLoads(plan: Plan, importId: string, streetId: string): CopyLoad[] {
  const creates = <T extends { op: string }>(rows: T[]) => rows.filter((r) => r.op === 'create');
  const updates = <T extends { op: string }>(rows: T[]) => rows.filter((r) => r.op === 'update');
  const places = [...plan.places].sort((a, b) => a.depth - b.depth);
  const personColumns = ['phone_enc', 'phone_hash', 'phone_masked', 'id_number_enc', 'id_number_hash', 'id_number_masked', 'tags'] as const;
  const loads = [
    // An import adds buildings, units and rooms, never a street: each has its parent in the same street.
    load('street_places', ['street_id', 'id', 'parent_id', 'kind', 'name', 'path', 'depth'], places, (p) => [streetId, p.id, p.parent_id, p.kind, p.name, p.path, p.depth]),
    load('reg_rooms', ['street_id', 'place_id', 'floor', 'area_centi', 'area_source', 'use'], creates(plan.rooms), (r) => [
      streetId,
      r.place_id,
      r.floor,
      r.area_centi,
      r.area_source,
      r.use,
    ]),
    load('reg_persons', ['street_id', 'id', 'place_id', 'name', ...personColumns], creates(plan.persons), (p) => [
      streetId,
      p.id,
      p.place_id,
      p.name,
      ...personColumns.map((c) => p[c]),
    ]),
    load('reg_households', ['street_id', 'id', 'room_id', 'person_id', 'relation', 'share_bp'], creates(plan.households), (h) => [
      streetId,
      h.id,
      h.room_id,
      h.person_id,
      h.relation,
      h.share_bp,
    ]),
    load('reg_import_rooms', ['import_id', 'op', 'place_id', 'floor', 'area_centi', 'area_source', 'use'], updates(plan.rooms), (r) => [
      importId,
      r.op,
      r.place_id,
      r.floor,
      r.area_centi,
      r.area_source,
      r.use,
    ]),
    load('reg_import_persons', ['import_id', 'op', 'id', 'place_id', 'name', ...personColumns], updates(plan.persons), (p) => [
      importId,
      p.op,
      p.id,
      p.place_id,
      p.name,
      ...personColumns.map((c) => p[c]),
    ]),
    load('reg_import_households', ['import_id', 'op', 'id', 'room_id', 'person_id', 'relation', 'share_bp'], updates(plan.households), (h) => [
      importId,
      h.op,
      h.id,
      h.room_id,
      h.person_id,
      h.relation,
      h.share_bp,
    ]),
  ];
  return loads.filter((l) => l.rows > 0);
}

export function entityDigest(plan: Plan): string {
  const entities = [
    ...plan.places.map((p) => p.id),
    ...plan.rooms.map((r) => `${r.op}:${r.place_id}`),
    ...plan.persons.map((p) => `${p.op}:${p.id}`),
    ...plan.households.map((h) => `${h.op}:${h.id}`),
  ];
  return createHash('sha256').update(entities.sort().join('\n')).digest('hex');
}

export const loadedRowCount = (loads: CopyLoad[]) => loads.reduce((n, l) => n + l.rows, 0);
