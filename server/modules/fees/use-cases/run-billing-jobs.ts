import { SYSTEM_ACTOR } from '../../../kernel/access/index.ts';
import type { Kernel } from '../../../kernel/context.ts';
import { read } from '../fees.db.ts';
import { periodContaining } from './bill-rules.ts';
import { today } from './bills-access.ts';
import { billCostShares } from './bill-cost-shares.ts';
import { generateBills } from './generate-bills.ts';

/**
 * The hourly job, as the system: for every compound with active periodic items, the current period of each of
 * their cycles (a month from its 1st, a quarter from its first day, a year from 1 January) — generation is
 * idempotent, so a period already billed bills nothing; then each street's due elevator cost shares. One
 * compound's failure does not stop the others; it is tried again next hour.
 */
export async function runBillingJob(kernel: Kernel, log: (msg: string, err?: unknown) => void = () => {}) {
  const ctx = { kernel, actor: SYSTEM_ACTOR };
  const day = today(ctx);
  const pairs = await read(kernel).selectFrom('fee_items').select(['street_id', 'place_id', 'cycle']).distinct().where('active', '=', true).where('cycle', '<>', 'once').execute();
  let created = 0;
  for (const p of pairs) {
    const cycle = p.cycle as 'month' | 'quarter' | 'year';
    try {
      created += (await generateBills(ctx, { compoundId: p.place_id, cycle, periodLabel: periodContaining(cycle, day).label })).created;
    } catch (err) {
      log(`fees.generate-bills: compound ${p.place_id} ${cycle} failed`, err);
    }
  }
  const streets = await read(kernel).selectFrom('street_places').select('street_id').distinct().where('kind', '=', 'street').execute();
  for (const s of streets) {
    try {
      created += await billCostShares(kernel, s.street_id);
    } catch (err) {
      log(`fees.generate-bills: elevator shares of street ${s.street_id} failed`, err);
    }
  }
  return { created };
}
