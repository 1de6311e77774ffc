import { sql } from 'kysely';
import type { Kernel } from '../../../kernel/context.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import type { Plan } from './plan.ts';
import { yieldToLoop } from './read-file.ts';

/**
 * Writes a plan in two steps, so that an import of 160,000 households neither leaves half a
 * registry behind nor holds up everyone else:
 *
 * 1. stage: the planned rows go into the staging tables (0006) in chunks of 2,000, each chunk its
 *    own short statement (COPY on the embedded database, multi-row INSERT on PostgreSQL), with the
 *    event loop handed back between chunks. Nothing in the registry changes yet.
 * 2. apply: one transaction moves the staged rows into the registry with one set-based statement
 *    per table (INSERT … SELECT, UPDATE … FROM) and records the audit entry. The registry's own
 *    constraints guard against anything that changed since the plan was made (a room or an ID
 *    number registered meanwhile): any violation rolls the whole import back.
 *
 * The staging rows are deleted afterwards, whatever happened.
 */
export const CHUNK = 2000;

type StageTable = 'reg_import_places' | 'reg_import_rooms' | 'reg_import_persons' | 'reg_import_households';

/** COPY text format: tab-separated, \N for null, backslash escapes; arrays as {a,b}. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (Array.isArray(v)) return copyValue(`{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function stage<T extends object>(
  kernel: Kernel,
  table: StageTable,
  importId: string,
  rows: T[],
  columns: (keyof T & string)[],
  onRows: (n: number) => Promise<void>,
): Promise<void> {
  const all = ['import_id', ...columns];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    if (kernel.database.copyFrom) {
      const text = chunk.map((r) => [importId, ...columns.map((c) => r[c])].map(copyValue).join('\t')).join('\n');
      await kernel.database.copyFrom(`copy ${table} (${all.join(', ')}) from '/dev/blob'`, `${text}\n`);
    } else {
      await kernel.db
        .insertInto(table)
        .values(chunk.map((r) => ({ import_id: importId, ...Object.fromEntries(columns.map((c) => [c, r[c]])) })) as never)
        .execute();
    }
    await onRows(chunk.length);
    await yieldToLoop();
  }
}

export async function stagePlan(kernel: Kernel, importId: string, plan: Plan, onRows: (n: number) => Promise<void>): Promise<void> {
  await stage(kernel, 'reg_import_places', importId, plan.places, ['id', 'parent_id', 'kind', 'name', 'path', 'depth'], onRows);
  await stage(kernel, 'reg_import_rooms', importId, plan.rooms, ['op', 'place_id', 'floor', 'area_centi', 'area_source', 'use'], onRows);
  await stage(
    kernel,
    'reg_import_persons',
    importId,
    plan.persons,
    ['op', 'id', 'place_id', 'name', 'phone_enc', 'phone_hash', 'phone_masked', 'id_number_enc', 'id_number_hash', 'id_number_masked', 'tags'],
    onRows,
  );
  await stage(kernel, 'reg_import_households', importId, plan.households, ['op', 'id', 'room_id', 'person_id', 'relation', 'share_bp'], onRows);
}

export const stagedRowCount = (plan: Plan) => plan.places.length + plan.rooms.length + plan.persons.length + plan.households.length;

export class StaleImportError extends Error {}

/** Step 2, inside the caller's transaction: set-based moves from staging into the registry. */
export async function applyStaged(tx: Tx, importId: string, plan: Plan, now: Date): Promise<void> {
  const expect = async (what: string, planned: number, q: Promise<{ numAffectedRows?: bigint }>) => {
    const got = Number((await q).numAffectedRows ?? 0);
    if (got !== planned) throw new StaleImportError(`${what}: planned ${planned}, wrote ${got}`);
  };
  const count = <T extends { op: string }>(rows: T[], op: string) => rows.filter((r) => r.op === op).length;
  await expect(
    'places',
    plan.places.length,
    sql`insert into places (id, parent_id, kind, name, path, depth, created_at, updated_at)
        select id, parent_id, kind, name, path, depth, ${now}, ${now} from reg_import_places where import_id = ${importId} order by depth`.execute(tx),
  );
  await expect(
    'rooms',
    count(plan.rooms, 'create'),
    sql`insert into reg_rooms (place_id, floor, area_centi, area_source, use, updated_at)
        select place_id, floor, area_centi, area_source, use, ${now} from reg_import_rooms where import_id = ${importId} and op = 'create'`.execute(tx),
  );
  await expect(
    'room updates',
    count(plan.rooms, 'update'),
    sql`update reg_rooms r set floor = s.floor, area_centi = s.area_centi, area_source = s.area_source, use = s.use, updated_at = ${now}
        from reg_import_rooms s where s.import_id = ${importId} and s.op = 'update' and r.place_id = s.place_id`.execute(tx),
  );
  await expect(
    'persons',
    count(plan.persons, 'create'),
    sql`insert into reg_persons (id, place_id, name, phone_enc, phone_hash, phone_masked, id_number_enc, id_number_hash, id_number_masked, tags, created_at, updated_at)
        select id, place_id, name, phone_enc, phone_hash, phone_masked, id_number_enc, id_number_hash, id_number_masked, tags, ${now}, ${now}
        from reg_import_persons where import_id = ${importId} and op = 'create'`.execute(tx),
  );
  await expect(
    'person updates',
    count(plan.persons, 'update'),
    sql`update reg_persons p set
          phone_enc = coalesce(s.phone_enc, p.phone_enc), phone_hash = coalesce(s.phone_hash, p.phone_hash),
          phone_masked = coalesce(s.phone_masked, p.phone_masked), tags = s.tags, updated_at = ${now}
        from reg_import_persons s where s.import_id = ${importId} and s.op = 'update' and p.id = s.id`.execute(tx),
  );
  await expect(
    'households',
    count(plan.households, 'create'),
    sql`insert into reg_households (id, room_id, person_id, relation, share_bp, created_at, updated_at)
        select id, room_id, person_id, relation, share_bp, ${now}, ${now} from reg_import_households where import_id = ${importId} and op = 'create'`.execute(tx),
  );
  await expect(
    'household updates',
    count(plan.households, 'update'),
    sql`update reg_households h set share_bp = s.share_bp, updated_at = ${now}
        from reg_import_households s where s.import_id = ${importId} and s.op = 'update' and h.id = s.id and h.end_date is null`.execute(tx),
  );
}

export async function clearStaging(kernel: Kernel, importId: string): Promise<void> {
  for (const t of ['reg_import_places', 'reg_import_rooms', 'reg_import_persons', 'reg_import_households'] as const) {
    await kernel.db.deleteFrom(t).where('import_id', '=', importId).execute();
  }
}
