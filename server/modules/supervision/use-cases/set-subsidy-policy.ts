import { audit, type Ctx } from '../../../kernel/context.ts';
import { read, write } from '../supervision.db.ts';
import { policyVersions } from '../supervision.subsidy.repository.ts';
import type { SubsidyPolicyBody } from '../supervision.subsidy.schemas.ts';
import { accountOf } from './assessment-scope.ts';
import { subsidyStreetFor } from './subsidy-scope.ts';

/** A street's policy versions, newest first: readable by whoever reads the subsidy in the street (a company too). */
export async function getSubsidyPolicies(ctx: Ctx, streetId: string) {
  const street = await subsidyStreetFor(ctx, read(ctx), streetId);
  return { streetId: street.id, streetName: street.name, versions: await policyVersions(read(ctx), street.id) };
}

/**
 * Sets the policy applying from a quarter on (until a later version): the threshold (the published score at least
 * this), the rate per room per quarter and the cap per compound per quarter, in fen. Setting the same quarter again
 * replaces that version (audited before/after); statements already generated keep their lines.
 */
export async function setSubsidyPolicy(ctx: Ctx, input: SubsidyPolicyBody) {
  return write(ctx, async (tx) => {
    const street = await subsidyStreetFor(ctx, tx, input.streetId, 'subsidyManage');
    const before = await tx.selectFrom('sup_subsidy_policies').select(['threshold_centi', 'rate_fen', 'cap_fen', 'note']).where('street_id', '=', street.id).where('from_period', '=', input.fromPeriod).forUpdate().executeTakeFirst();
    const values = { threshold_centi: input.thresholdCenti, rate_fen: input.rateFen, cap_fen: input.capFen, note: input.note ?? '' };
    await tx
      .insertInto('sup_subsidy_policies')
      .values({ street_id: street.id, from_period: input.fromPeriod, ...values, created_by: accountOf(ctx), created_at: ctx.kernel.clock.now() })
      .onConflict((oc) => oc.columns(['street_id', 'from_period']).doUpdateSet({ ...values, created_by: accountOf(ctx), created_at: ctx.kernel.clock.now() }))
      .execute();
    await audit(tx, ctx, { action: 'supervision.subsidy.policy_set', placeId: street.id, subjectType: 'sup_subsidy_policy', subjectId: street.id, before, after: values, detail: { fromPeriod: input.fromPeriod } });
    return { streetId: street.id, versions: await policyVersions(tx, street.id) };
  });
}
