import { findPlace, type PlaceRow } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Executor } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { allows, authorize, type FeesPolicy } from '../fees.policy.ts';

type Permission = keyof typeof FeesPolicy;

/**
 * A compound the actor may act on: one they cannot even read fees of answers 404 (its existence is not theirs to
 * learn), one they read but may not act on 403, and a place that is not a compound 400.
 */
export async function compoundFor(db: Executor, ctx: Ctx, compoundId: string, permission: Permission): Promise<PlaceRow & { street_id: string }> {
  const place = await findPlace(db, compoundId);
  if (!place || !place.street_id || !(allows(ctx.actor, 'read', place.path) || allows(ctx.actor, permission, place.path))) throw FeesErrors.PLACE_NOT_FOUND();
  authorize(ctx.actor, permission, place.path);
  if (place.kind !== 'compound') throw FeesErrors.NOT_A_COMPOUND();
  return place as PlaceRow & { street_id: string };
}

/** A bill with its compound's path, for the checks of staff reads and writes. */
export async function billFor(db: Executor, ctx: Ctx, billId: string, permission: Permission) {
  const bill = await db
    .selectFrom('fee_bills as b')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'b.street_id').onRef('c.id', '=', 'b.compound_id'))
    .selectAll('b')
    .select('c.path as compound_path')
    .where('b.id', '=', billId)
    .executeTakeFirst();
  if (!bill || !(allows(ctx.actor, 'read', bill.compound_path) || allows(ctx.actor, permission, bill.compound_path))) throw FeesErrors.BILL_NOT_FOUND();
  authorize(ctx.actor, permission, bill.compound_path);
  return bill;
}

/** Today in China (Asia/Shanghai), as the kernel clock says. */
export const today = (ctx: Ctx) => chinaDay(ctx.kernel.clock.now());

export const fenToYuan = (fen: number) => (fen / 100).toFixed(2);
