import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { billingRoomsUnder, compoundServices } from '../../registry/index.ts';
import { DUE_AFTER_DAYS } from '../fees.constants.ts';
import { read, write } from '../fees.db.ts';
import { insertBills, lockCompoundBilling, type NewBill } from '../fees.bills.repository.ts';
import { FeesErrors } from '../fees.errors.ts';
import { addDays, lineAmount, priceOn } from './bill-rules.ts';
import { today } from './bills-access.ts';
import { itemFor } from './update-fee-item.ts';

/**
 * Bills a one-off item (its approved price in effect today, per bill) to chosen rooms of its compound, or to every
 * room under chosen buildings or units; to the owners, or to the developer for a room it still holds. Keyed
 * `once:<item>:<label>` per room: the same charge twice bills each room once.
 */
export async function billOneOff(ctx: Ctx, input: { itemId: string; label: string; roomIds?: string[]; placeIds?: string[]; dueOn?: string }) {
  const item = await itemFor(ctx, input.itemId, 'bill');
  if (item.kind !== 'one_off') throw FeesErrors.NOT_ONE_OFF();
  if (!item.active) throw FeesErrors.ITEM_INACTIVE();
  const day = today(ctx);
  const prices = await read(ctx).selectFrom('fee_prices').select(['unit_fen as unitFen', 'effective_from as effectiveFrom']).where('street_id', '=', item.street_id).where('item_id', '=', item.id).where('status', '=', 'approved').execute();
  const price = priceOn(prices, day);
  if (!price) throw FeesErrors.NO_PRICE();
  const all = await billingRoomsUnder(ctx.kernel.db, item.street_id, item.compound_path, day);
  let chosen = all;
  if (input.roomIds) {
    const wanted = new Set(input.roomIds);
    chosen = all.filter((r) => wanted.has(r.roomId));
    if (chosen.length !== wanted.size) throw FeesErrors.ROOM_NOT_FOUND();
  } else {
    const paths: string[] = [];
    for (const id of input.placeIds ?? []) {
      const place = await findPlace(read(ctx), id);
      if (!place || !place.path.startsWith(item.compound_path)) throw FeesErrors.PLACE_NOT_FOUND();
      paths.push(place.path);
    }
    chosen = all.filter((r) => paths.some((p) => r.roomPath.startsWith(p)));
  }
  if (!chosen.length) throw FeesErrors.NO_ROOMS();
  const dueOn = input.dueOn ?? addDays(day, DUE_AFTER_DAYS);
  const end = addDays(day, 1);
  const bills: NewBill[] = chosen.map((room) => {
    const line = lineAmount({ kind: 'one_off', vacancyDiscountBp: 0 }, room, price.unitFen, 1, 1, false);
    return {
      roomId: room.roomId,
      billKey: `once:${item.id}:${input.label}`.slice(0, 100),
      periodLabel: input.label,
      periodStart: day,
      periodEnd: end,
      payerKind: room.developerHeld ? 'developer' : 'owners',
      dueOn,
      lines: [{ itemId: item.id, label: item.name, formula: `${(price.unitFen / 100).toFixed(2)} 元 × 1 次 = ${(line.amountFen / 100).toFixed(2)} 元`, amountFen: line.amountFen }],
    };
  });
  return write(ctx, async (tx) => {
    await lockCompoundBilling(tx, item.place_id);
    const services = await compoundServices(tx, item.place_id);
    const r = await insertBills(tx, { streetId: item.street_id, compoundId: item.place_id, companyId: services.propertyCompany?.id ?? null, source: 'one_off', createdBy: ctx.actor.accountId, issuedAt: ctx.kernel.clock.now() }, bills);
    await audit(tx, ctx, { action: 'fees.bills.one_off', placeId: item.place_id, subjectType: 'fee_item', subjectId: item.id, detail: { label: input.label, rooms: chosen.length, created: r.created, amountFen: r.amountFen } });
    return { created: r.created, existing: bills.length - r.created, amountFen: r.amountFen };
  });
}
