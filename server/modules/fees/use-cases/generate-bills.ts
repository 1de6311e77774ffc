import { isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../kernel/notify/notify.ts';
import { billingRoomsUnder, compoundServices } from '../../registry/index.ts';
import { DUE_AFTER_DAYS } from '../fees.constants.ts';
import { read, write } from '../fees.db.ts';
import { billingItems, insertBills, lockCompoundBilling, type NewBill, vacanciesOverlapping } from '../fees.bills.repository.ts';
import { FeesErrors } from '../fees.errors.ts';
import { addDays, billsForRoom, periodOf } from './bill-rules.ts';
import { compoundFor } from './bills-access.ts';

export interface GenerateBillsInput {
  compoundId: string;
  cycle: 'month' | 'quarter' | 'year';
  periodLabel: string;
}

export interface GenerateBillsResult {
  compoundId: string;
  periodLabel: string;
  rooms: number;
  created: number;
  /** Bills of the period that existed already (an earlier run): not billed again. */
  existing: number;
  amountFen: number;
}

/**
 * Bills one compound for one period of one cycle (bill-rules.ts does the arithmetic): every room under it
 * (registry billingRoomsUnder), the compound's active items of the cycle with their approved prices, the
 * registered vacancies. Idempotent: a bill is keyed `<period>:<payer kind>` per room and the insert skips keys
 * that exist, so a second run — or a concurrent one, which waits on the compound's advisory lock — bills nothing
 * twice. One transaction, one audit entry with the counts; the owners hear of it once per run that billed.
 * The actor: staff with the bill permission at the compound, or the system (the job).
 */
export async function generateBills(ctx: Ctx, input: GenerateBillsInput): Promise<GenerateBillsResult> {
  const compound = await compoundFor(read(ctx), ctx, input.compoundId, 'bill');
  const period = periodOf(input.cycle, input.periodLabel);
  if (!period) throw FeesErrors.BAD_PERIOD();
  const streetId = compound.street_id;
  return write(ctx, async (tx) => {
    await lockCompoundBilling(tx, compound.id);
    const [rooms, items, vacancies, services] = await Promise.all([
      billingRoomsUnder(tx, streetId, compound.path, period.start),
      billingItems(tx, streetId, compound.id, input.cycle),
      vacanciesOverlapping(tx, streetId, compound.path, period.start, period.end),
      compoundServices(tx, compound.id),
    ]);
    const dueOn = addDays(period.start, DUE_AFTER_DAYS);
    const drafts: NewBill[] = [];
    if (items.some((i) => i.prices.length)) {
      for (const room of rooms) {
        for (const bill of billsForRoom(room, items, period, vacancies.get(room.roomId) ?? [])) {
          drafts.push({
            roomId: room.roomId,
            billKey: `${period.label}:${bill.payerKind}`,
            periodLabel: period.label,
            periodStart: bill.start,
            periodEnd: bill.end,
            payerKind: bill.payerKind,
            dueOn,
            lines: bill.lines,
          });
        }
      }
    }
    const inserted = await insertBills(
      tx,
      { streetId, compoundId: compound.id, companyId: services.propertyCompany?.id ?? null, source: 'generated', createdBy: isSystem(ctx.actor) ? null : ctx.actor.accountId, issuedAt: ctx.kernel.clock.now() },
      drafts,
    );
    const result: GenerateBillsResult = {
      compoundId: compound.id,
      periodLabel: period.label,
      rooms: rooms.length,
      created: inserted.created,
      existing: drafts.length - inserted.created,
      amountFen: inserted.amountFen,
    };
    // The hourly job's runs that bill nothing leave no trace; a person's run always does.
    if (inserted.created > 0 || !isSystem(ctx.actor)) {
      await audit(tx, ctx, {
        action: 'fees.bills.generated',
        placeId: compound.id,
        subjectType: 'fee_period',
        subjectId: compound.id,
        detail: { cycle: input.cycle, ...result },
      });
    }
    if (inserted.created > 0) {
      await notify(tx, ctx, {
        template: 'fees.bills_issued',
        placeId: compound.id,
        to: { audience: 'registry.owners' },
        data: { compound: compound.name, period: period.label },
        subject: { type: 'fee_period', id: compound.id },
      });
    }
    return result;
  });
}

