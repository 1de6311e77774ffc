import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { periodContaining } from '../../../kernel/payouts/payouts.ts';
import { write } from '../supervision.db.ts';
import { StarsErrors } from '../supervision.stars.errors.ts';
import { compoundStarState } from '../supervision.stars.repository.ts';
import type { ApplyBody } from '../supervision.stars.schemas.ts';
import { accountOf } from './assessment-scope.ts';
import { starsCompound } from './stars-access.ts';

/**
 * 申报: the community (居委会) or the owners' committee applies for a star level for its compound in the current
 * quarter (SUPERVISION_ROLES.starsApply). One open application per compound (409), and the level must be above
 * the star in force (409). The street then assigns a third-party assessor.
 */
export async function applyForStars(ctx: Ctx, input: ApplyBody) {
  return write(ctx, async (tx) => {
    const compound = await starsCompound(ctx, tx, input.compoundId, 'starsApply');
    const open = await tx
      .selectFrom('sup_star_applications')
      .select('id')
      .where('street_id', '=', compound.street_id)
      .where('compound_id', '=', compound.id)
      .where('status', '<>', 'confirmed')
      .executeTakeFirst();
    if (open) throw StarsErrors.APPLICATION_OPEN();
    const { current } = await compoundStarState(tx, compound.street_id, compound.id);
    if (input.level <= current) throw StarsErrors.LEVEL_NOT_ABOVE({ current });
    const id = newId();
    const now = ctx.kernel.clock.now();
    const period = periodContaining('quarter', now).label;
    await tx
      .insertInto('sup_star_applications')
      .values({
        street_id: compound.street_id,
        id,
        compound_id: compound.id,
        period,
        level: input.level,
        stars_before: current,
        note: input.note ?? '',
        status: 'applied',
        applicant_id: accountOf(ctx),
        applicant_name: ctx.actor.name,
        applied_at: now,
      })
      .execute();
    await audit(tx, ctx, { action: 'supervision.stars.applied', placeId: compound.id, subjectType: 'sup_star_application', subjectId: id, after: { period, level: input.level, starsBefore: current } });
    return { id, status: 'applied' as const, period, level: input.level };
  });
}
