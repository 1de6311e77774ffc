import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../supervision.db.ts';
import { SubsidyErrors } from '../supervision.subsidy.errors.ts';
import type { SubsidyListingBody } from '../supervision.subsidy.schemas.ts';
import { accountOf } from './assessment-scope.ts';
import { subsidyCompoundFor } from './subsidy-scope.ts';

/**
 * Lists a compound as eligible for 达标补贴 from a quarter (to an optional last quarter), or changes its quarters
 * (subsidyManage: the street). Statements already generated keep their lines; a later generation reads the list.
 */
export async function listSubsidyCompound(ctx: Ctx, input: SubsidyListingBody) {
  if (input.toPeriod && input.toPeriod < input.fromPeriod) throw SubsidyErrors.PERIODS_INVALID();
  return write(ctx, async (tx) => {
    const compound = await subsidyCompoundFor(ctx, tx, input.compoundId);
    const before = await tx.selectFrom('sup_subsidy_compounds').select(['from_period', 'to_period', 'note']).where('street_id', '=', compound.street_id).where('compound_id', '=', compound.id).forUpdate().executeTakeFirst();
    const values = { from_period: input.fromPeriod, to_period: input.toPeriod ?? null, note: input.note ?? '' };
    await tx
      .insertInto('sup_subsidy_compounds')
      .values({ street_id: compound.street_id, compound_id: compound.id, ...values, listed_by: accountOf(ctx), listed_at: ctx.kernel.clock.now() })
      .onConflict((oc) => oc.columns(['street_id', 'compound_id']).doUpdateSet(values))
      .execute();
    await audit(tx, ctx, { action: before ? 'supervision.subsidy.listing_changed' : 'supervision.subsidy.compound_listed', placeId: compound.id, subjectType: 'sup_subsidy_compound', subjectId: compound.id, before, after: values });
    return { compoundId: compound.id, compoundName: compound.name, fromPeriod: values.from_period, toPeriod: values.to_period, note: values.note };
  });
}

/** Takes a compound off the list (its paid quarters stay on their statements). */
export async function unlistSubsidyCompound(ctx: Ctx, compoundId: string) {
  return write(ctx, async (tx) => {
    const compound = await subsidyCompoundFor(ctx, tx, compoundId);
    const removed = await tx
      .deleteFrom('sup_subsidy_compounds')
      .where('street_id', '=', compound.street_id)
      .where('compound_id', '=', compound.id)
      .returning(['from_period', 'to_period', 'note'])
      .executeTakeFirst();
    if (!removed) throw SubsidyErrors.LISTING_NOT_FOUND();
    await audit(tx, ctx, { action: 'supervision.subsidy.compound_unlisted', placeId: compound.id, subjectType: 'sup_subsidy_compound', subjectId: compound.id, before: removed });
    return { compoundId: compound.id, removed: true };
  });
}
