import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { read, write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import type { CreateFeeItemBody } from '../fees.bills.schemas.ts';
import { compoundFor } from './bills-access.ts';

type Input = Required<Omit<CreateFeeItemBody, 'vacancyDiscountBp'>> & { vacancyDiscountBp?: number };

/** A fee item at a compound (configure). It bills nothing until a price for it is approved. */
export async function createFeeItem(ctx: Ctx, input: Input) {
  const compound = await compoundFor(read(ctx), ctx, input.compoundId, 'configure');
  if ((input.kind === 'one_off') !== (input.cycle === 'once')) throw FeesErrors.ITEM_KIND_CYCLE();
  const taken = await read(ctx).selectFrom('fee_items').select('id').where('street_id', '=', compound.street_id).where('place_id', '=', compound.id).where('name', '=', input.name).executeTakeFirst();
  if (taken) throw FeesErrors.ITEM_NAME_TAKEN();
  const id = newId();
  const row = { kind: input.kind, name: input.name, cycle: input.cycle, vacancy_discount_bp: input.vacancyDiscountBp ?? 0 };
  await write(ctx, async (tx) => {
    await tx
      .insertInto('fee_items')
      .values({ street_id: compound.street_id, id, place_id: compound.id, ...row, created_by: ctx.actor.accountId, created_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'fees.item.created', placeId: compound.id, subjectType: 'fee_item', subjectId: id, after: row });
  });
  return { id };
}
