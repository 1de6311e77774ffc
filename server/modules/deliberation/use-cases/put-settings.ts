import { findPlace, isSystem } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { write } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows } from '../deliberation.policy.ts';
import { settingsFor } from '../deliberation.repository.ts';
import type { SettingsBody } from '../items.schemas.ts';

/** Sets a place's thresholds (for it and the places below that set none): the street or the community (`configure`). */
export function putSettings(ctx: Ctx, placeId: string, input: SettingsBody) {
  return write(ctx, async (tx) => {
    const place = await findPlace(tx, placeId);
    if (!place || !place.street_id || !allows(ctx.actor, 'read', place.path)) throw DeliberationErrors.PLACE_NOT_FOUND();
    if (!allows(ctx.actor, 'configure', place.path)) throw CommonErrors.FORBIDDEN();
    const { placeId: _from, ...before } = await settingsFor(tx, place.street_id, place.path);
    const row = {
      support_threshold: input.supportThreshold,
      rating_days: input.ratingDays,
      min_ratings: input.minRatings,
      reopen_below_centi: input.reopenBelowCenti,
      poor_share_percent: input.poorSharePercent,
      poor_score_max: input.poorScoreMax,
      max_reopens: input.maxReopens,
      updated_by: isSystem(ctx.actor) ? null : ctx.actor.accountId,
      updated_at: ctx.kernel.clock.now(),
    };
    await tx
      .insertInto('dlb_settings')
      .values({ street_id: place.street_id, place_id: place.id, ...row })
      .onConflict((oc) => oc.columns(['street_id', 'place_id']).doUpdateSet(row))
      .execute();
    await audit(tx, ctx, { action: 'deliberation.settings.updated', placeId: place.id, subjectType: 'place', subjectId: place.id, before, after: input });
    return { placeId, settings: input };
  });
}
