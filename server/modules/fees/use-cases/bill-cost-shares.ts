import { SYSTEM_ACTOR, findPlace, ancestorOfKind } from '../../../kernel/access/index.ts';
import { audit, type Kernel } from '../../../kernel/context.ts';
import { dueCostShares } from '../../decisions/index.ts';
import { compoundServices } from '../../registry/index.ts';
import { DUE_AFTER_DAYS } from '../fees.constants.ts';
import { read, write } from '../fees.db.ts';
import { insertBills, type NewBill } from '../fees.bills.repository.ts';
import { addDays } from './bill-rules.ts';
import { chinaDay } from '../../../kernel/clock.ts';

/**
 * The elevator retrofits' cost shares that became due (decisions' `dueCostShares`), one bill each for the owners:
 * source 'elevator', key `elevator:<decision id>` per room, so a share is billed once however often this runs.
 * Reads every due share of the street each run (few: one per paying room of a passed retrofit); the unique key,
 * not a watermark, is the guard. Returns how many bills were raised.
 */
export async function billCostShares(kernel: Kernel, streetId: string): Promise<number> {
  const ctx = { kernel, actor: SYSTEM_ACTOR };
  const shares = await dueCostShares(kernel.db, { streetId });
  if (!shares.length) return 0;
  const known = new Set(
    (await read(kernel).selectFrom('fee_bills').select(['room_id', 'bill_key']).where('street_id', '=', streetId).where('source', '=', 'elevator').execute()).map((r) => `${r.room_id}|${r.bill_key}`),
  );
  const fresh = shares.filter((s) => !known.has(`${s.roomId}|elevator:${s.decisionId}`));
  if (!fresh.length) return 0;
  // Grouped per compound: a bill carries its compound and company.
  const byCompound = new Map<string, typeof fresh>();
  for (const s of fresh) {
    const room = await findPlace(kernel.db, s.roomId);
    const compound = room && (await ancestorOfKind(kernel.db, room, 'compound'));
    if (!compound) continue;
    byCompound.set(compound.id, [...(byCompound.get(compound.id) ?? []), s]);
  }
  let created = 0;
  for (const [compoundId, list] of byCompound) {
    created += await write(ctx, async (tx) => {
      const services = await compoundServices(tx, compoundId);
      const bills: NewBill[] = list.map((s) => {
        const day = chinaDay(s.dueSince);
        return {
          roomId: s.roomId,
          billKey: `elevator:${s.decisionId}`,
          periodLabel: s.title.slice(0, 100),
          periodStart: day,
          periodEnd: addDays(day, 1),
          payerKind: 'owners',
          dueOn: addDays(day, DUE_AFTER_DAYS),
          lines: [{ itemId: null, label: '加装电梯分摊', formula: `业主共同决定的分摊额 = ${(s.shareFen / 100).toFixed(2)} 元`, amountFen: s.shareFen }],
        };
      });
      const r = await insertBills(tx, { streetId, compoundId, companyId: services.propertyCompany?.id ?? null, source: 'elevator', createdBy: null, issuedAt: kernel.clock.now() }, bills);
      await audit(tx, ctx, { action: 'fees.bills.elevator', placeId: compoundId, subjectType: 'fee_period', subjectId: compoundId, detail: { shares: list.length, created: r.created, amountFen: r.amountFen } });
      return r.created;
    });
  }
  return created;
}
