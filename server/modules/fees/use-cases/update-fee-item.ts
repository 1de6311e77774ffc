import { audit, type Ctx } from '../../../kernel/context.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, authorize } from '../fees.policy.ts';
import type { UpdateFeeItemBody } from '../fees.bills.schemas.ts';

/** A fee item of a compound with its compound's path, for the checks. */
export async function itemFor(ctx: Ctx, itemId: string, permission: 'configure' | 'bill') {
  const item = await read(ctx)
    .selectFrom('fee_items as i')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'i.street_id').onRef('c.id', '=', 'i.place_id'))
    .selectAll('i')
    .select(['c.path as compound_path', 'c.name as compound_name'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!item || !(allows(ctx.actor, 'read', item.compound_path) || allows(ctx.actor, permission, item.compound_path))) throw FeesErrors.ITEM_NOT_FOUND();
  authorize(ctx.actor, permission, item.compound_path);
  return item;
}

/**
 * Renames an item, changes its vacancy discount, or deactivates (and reactivates) it. Issued bills keep their
 * lines; a deactivated item is left out of the bills generated from then on.
 */
export async function updateFeeItem(ctx: Ctx, itemId: string, input: UpdateFeeItemBody) {
  const item = await itemFor(ctx, itemId, 'configure');
  if (input.name !== undefined && input.name !== item.name) {
    const taken = await read(ctx).selectFrom('fee_items').select('id').where('street_id', '=', item.street_id).where('place_id', '=', item.place_id).where('name', '=', input.name).executeTakeFirst();
    if (taken) throw FeesErrors.ITEM_NAME_TAKEN();
  }
  const change = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.vacancyDiscountBp !== undefined ? { vacancy_discount_bp: input.vacancyDiscountBp } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  await write(ctx, async (tx) => {
    await tx.updateTable('fee_items').set(change).where('street_id', '=', item.street_id).where('id', '=', item.id).execute();
    await audit(tx, ctx, {
      action: input.active === false ? 'fees.item.deactivated' : 'fees.item.updated',
      placeId: item.place_id,
      subjectType: 'fee_item',
      subjectId: item.id,
      before: { name: item.name, vacancy_discount_bp: item.vacancy_discount_bp, active: item.active },
      after: change,
    });
  });
  return { id: item.id };
}
