import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import { type Ctx, type Kernel, audit } from '../../../kernel/context.ts';
import type { Job } from '../../../kernel/jobs/jobs.ts';
import { periodContaining } from '../../../kernel/payouts/payouts.ts';
import { type Tx, write } from '../supervision.db.ts';

/**
 * Marks `retired` every active version that a later activated version has replaced in the current quarter (the one in
 * force now is the greatest applies_from ≤ now, sheet-in-force.ts). Only the label changes: a retired version still
 * governs the past periods it was in force for. Runs at each activation and hourly (a new quarter needs no write to
 * take over — sheetInForce reads by period — this only keeps the label true).
 */
export async function retireSuperseded(tx: Tx, ctx: Ctx, now: Date): Promise<number> {
  const current = periodContaining('quarter', now).label;
  const { rows } = await sql<{ id: string; street_id: string; place_id: string; version: number }>`
    update sup_sheets old set status = 'retired', updated_at = ${now}
    where old.status = 'active' and old.applies_from <= ${current}
      and exists (
        select 1 from sup_sheets newer
        where newer.street_id = old.street_id and newer.place_id = old.place_id and newer.kind = old.kind
          and newer.status in ('active', 'retired') and newer.applies_from <= ${current}
          and (newer.applies_from, newer.version) > (old.applies_from, old.version))
    returning old.id, old.street_id, old.place_id, old.version`.execute(tx);
  for (const r of rows) {
    await audit(tx, ctx, { action: 'supervision.sheet.retired', placeId: r.place_id, subjectType: 'sup_sheet', subjectId: r.id, after: { version: r.version, retiredIn: current } });
  }
  return rows.length;
}

/** The hourly job: retire the versions a new quarter's version replaced (the kernel clock decides the quarter). */
export const retireSheetsJob: Job = {
  name: 'supervision.sheets.retire',
  everyMs: 60 * 60_000,
  run: (kernel: Kernel) => {
    const ctx: Ctx = { kernel, actor: SYSTEM_ACTOR };
    return write(ctx, (tx) => retireSuperseded(tx, ctx, kernel.clock.now()));
  },
};
