import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommitteeErrors } from '../supervision.committees.errors.ts';
import { committeeSettingsOf } from '../supervision.committees.repository.ts';
import type { CommitteeSettingsBody } from '../supervision.committees.schemas.ts';
import { committeeWeightsValid, starMinsValid } from '../supervision.committees.scoring.ts';
import { read, write } from '../supervision.db.ts';
import { accountOf } from './assessment-scope.ts';
import { committeeStreetFor } from './committee-access.ts';

/**
 * A street's 红色业委会 settings (the defaults, version 0, until first saved): readable by whoever sees committees
 * anywhere in the street, so every committee's stars can be explained to it.
 */
export async function getCommitteeSettings(ctx: Ctx, streetId: string) {
  const street = await committeeStreetFor(ctx, read(ctx), streetId);
  return { streetId: street.id, streetName: street.name, ...(await committeeSettingsOf(read(ctx), street.id)) };
}

/**
 * Sets a street's five weights (adding up to exactly 100) and star thresholds (0 < ★2 < ★3 < ★4 < ★5 ≤ 100):
 * committeesRate held at the street — the street official; a community secretary rates but does not set the
 * street's rules. Ratings already submitted keep the settings they were computed with.
 */
export async function updateCommitteeSettings(ctx: Ctx, input: CommitteeSettingsBody) {
  if (!committeeWeightsValid(input.weights)) throw CommitteeErrors.WEIGHTS_INVALID();
  if (!starMinsValid(input.starMins)) throw CommitteeErrors.STARS_INVALID();
  return write(ctx, async (tx) => {
    const street = await committeeStreetFor(ctx, tx, input.streetId, 'committeesRate');
    const before = await committeeSettingsOf(tx, street.id);
    const version = before.version + 1;
    const row = { version, weights: JSON.stringify(input.weights), star_mins: JSON.stringify(input.starMins), updated_by: accountOf(ctx), updated_at: ctx.kernel.clock.now() };
    await tx
      .insertInto('sup_committee_settings')
      .values({ street_id: street.id, ...row })
      .onConflict((oc) => oc.column('street_id').doUpdateSet(row))
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.committees.settings_updated',
      placeId: street.id,
      subjectType: 'sup_committee_settings',
      subjectId: street.id,
      before: { weights: before.weights, starMins: before.starMins },
      after: { weights: input.weights, starMins: input.starMins },
      detail: { version },
    });
    return { streetId: street.id, streetName: street.name, version, weights: input.weights, starMins: input.starMins };
  });
}
