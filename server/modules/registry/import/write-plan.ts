import { sql } from 'kysely';
import type { CopyIn } from '../../../kernel/db/index.ts';
import type { Tx } from '../registry.db.ts';
import type { CopyLoad } from './copy-loads.ts';
import type { Counts } from './plan.ts';
import { yieldToLoop } from './read-file.ts';

/**
 * Writes a planned import inside the caller's transaction, so the registry gets all of it or
 * nothing: new rows by COPY straight into the registry's tables (the fastest way PostgreSQL has to
 * load rows, and the one the import is measured against), updates by COPY into the staging tables
 * and then one UPDATE … FROM per table. Between COPY chunks the event loop is handed back, so
 * requests that need no database (and, on PostgreSQL, all of them) are served meanwhile.
 *
 * The registry's own constraints guard against anything that changed since the plan was made (a
 * room or an ID number registered meanwhile, a person removed); an update that finds fewer rows
 * than planned throws StaleImportError. Either rolls the whole import back.
 */
export class StaleImportError extends Error {}

export async function writePlan(
  tx: Tx,
  copy: CopyIn,
  importId: string,
  loads: CopyLoad[],
  counts: Counts,
  now: Date,
  onRows: (n: number) => Promise<void> | void,
): Promise<void> {
  // The rows' created_at/updated_at defaults read this (migration 0008): the commit's time, by the application's clock.
  await sql`select set_config('gongzhi.now', ${now.toISOString()}, true)`.execute(tx);
  for (const l of loads) {
    for (const chunk of l.chunks) {
      await copy(l.table, l.columns, chunk.text);
      await onRows(chunk.rows);
      await yieldToLoop();
    }
  }
  const expect = async (what: string, planned: number, q: Promise<{ numAffectedRows?: bigint }>) => {
    const got = Number((await q).numAffectedRows ?? 0);
    if (got !== planned) throw new StaleImportError(`${what}: planned ${planned}, wrote ${got}`);
  };
  await expect(
    'room updates',
    counts.rooms.updated,
    sql`update reg_rooms r set floor = s.floor, area_centi = s.area_centi, area_source = s.area_source, use = s.use, updated_at = ${now}
        from reg_import_rooms s where s.import_id = ${importId} and r.place_id = s.place_id`.execute(tx),
  );
  await expect(
    'person updates',
    counts.persons.updated,
    sql`update reg_persons p set
          phone_enc = coalesce(s.phone_enc, p.phone_enc), phone_hash = coalesce(s.phone_hash, p.phone_hash),
          phone_masked = coalesce(s.phone_masked, p.phone_masked), tags = s.tags, updated_at = ${now}
        from reg_import_persons s where s.import_id = ${importId} and p.id = s.id`.execute(tx),
  );
  await expect(
    'household updates',
    counts.households.updated,
    sql`update reg_households h set share_bp = s.share_bp, updated_at = ${now}
        from reg_import_households s where s.import_id = ${importId} and h.id = s.id and h.end_date is null`.execute(tx),
  );
  // Staging rows live only inside this transaction: deleted here, or gone with a rollback.
  for (const t of ['reg_import_rooms', 'reg_import_persons', 'reg_import_households'] as const) {
    await tx.deleteFrom(t).where('import_id', '=', importId).execute();
  }
}
