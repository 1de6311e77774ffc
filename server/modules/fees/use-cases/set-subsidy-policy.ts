import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { SubsidyAccess, seesStreetPolicy } from '../fees.subsidies.policy.ts';
import type { SubsidyPolicyBody } from '../fees.subsidies.schemas.ts';
import { policyVersions } from './subsidy-policy.ts';

/**
 * A street official (FEES_ROLES.configure at the street) sets a new version of the street's 先缴后补 policy. No
 * second approver (the street decides its own subsidy), but the change is audited with the version before and
 * after. A version never reaches back before the current one: bills already subsidised keep the terms they had.
 */
export async function setSubsidyPolicy(ctx: Ctx, input: SubsidyPolicyBody) {
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, input.streetId);
    if (!place || !seesStreetPolicy(ctx.actor, place)) throw FeesErrors.PLACE_NOT_FOUND();
    if (place.kind !== 'street') throw FeesErrors.NOT_A_STREET();
    const street = place;
    if (!SubsidyAccess.allows(ctx.actor, 'configure', street.path)) throw CommonErrors.FORBIDDEN();
    const versions = await policyVersions(tx, street.id);
    const current = versions[0];
    if (current && input.effectiveFrom < current.effectiveFrom) throw FeesErrors.SUBSIDY_POLICY_BACKDATED({ day: current.effectiveFrom });
    const id = newId();
    const row = {
      street_id: street.id,
      id,
      effective_from: input.effectiveFrom,
      mode: input.mode,
      share_bp: input.mode === 'share' ? input.shareBp! : null,
      per_area_fen: input.mode === 'per_area' ? input.perAreaFen! : null,
      cap_fen: input.capFen,
      tags: [...new Set(input.tags)],
      note: input.note ?? '',
      set_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      set_at: ctx.kernel.clock.now(),
    };
    await tx.insertInto('fee_subsidy_policies').values(row).execute();
    await audit(tx, ctx, {
      action: 'fees.subsidy_policy.set',
      placeId: street.id,
      subjectType: 'fee_subsidy_policy',
      subjectId: id,
      before: current ?? null,
      after: row,
      // The log keeps digests of before/after; the terms themselves are spelled out here for whoever reads it.
      detail: {
        effectiveFrom: input.effectiveFrom,
        terms: { mode: row.mode, shareBp: row.share_bp, perAreaFen: row.per_area_fen, capFen: row.cap_fen, tags: row.tags },
        previous: current ? { effectiveFrom: current.effectiveFrom, mode: current.mode, shareBp: current.shareBp, perAreaFen: current.perAreaFen, capFen: current.capFen, tags: current.tags } : null,
      },
    });
    return { id, effectiveFrom: input.effectiveFrom };
  });
}
