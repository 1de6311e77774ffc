import { findPlace } from '../../../kernel/access/index.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { read, write } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { COMPANY_SHARE_CAP_PERCENT, STAR_TYPE_ZH, starType } from '../supervision.stars.constants.ts';
import { StarsErrors } from '../supervision.stars.errors.ts';
import { starSettingsOf } from '../supervision.stars.repository.ts';
import type { StarSettingsBody } from '../supervision.stars.schemas.ts';
import { accountOf } from './assessment-scope.ts';
import { readsStarsAt, starsStreet } from './stars-access.ts';

/** The bands the settings give, top down: ★5 [min5, 100], ★4 [min4, min5) … ★1 [0, min2); each with its type. */
export function starBands(minimums: StarSettingsBody['minimums']) {
  const m = [0, 0, minimums['2'], minimums['3'], minimums['4'], minimums['5'], 10000];
  return [5, 4, 3, 2, 1].map((stars) => ({ stars, from: m[stars]!, to: m[stars + 1]!, type: starType(stars), typeZh: STAR_TYPE_ZH[starType(stars)] }));
}

/** A street's star settings with the bands they give: whoever reads stars anywhere in the street reads them. */
export async function getStarSettings(ctx: Ctx, streetId: string) {
  const place = await findPlace(read(ctx), streetId);
  if (!place || !readsStarsAt(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw StarsErrors.NOT_A_STREET();
  const s = await starSettingsOf(read(ctx), place.id);
  return { streetId: place.id, streetName: place.name, ...s, bands: starBands(s.minimums), companyCapPercent: COMPANY_SHARE_CAP_PERCENT };
}

/**
 * Sets a street's star minimums (rising with the stars, within 0.01–100), the reward per level and the property
 * company's largest share (at most Quzhou's 30%). Rewards already made keep the figures they were made with.
 */
export async function updateStarSettings(ctx: Ctx, input: StarSettingsBody) {
  const m = input.minimums;
  if (!(m['2'] < m['3'] && m['3'] < m['4'] && m['4'] < m['5'])) throw StarsErrors.MINIMUMS_INVALID();
  if (input.companyMaxPercent > COMPANY_SHARE_CAP_PERCENT) throw StarsErrors.SHARE_ABOVE_CAP();
  return write(ctx, async (tx) => {
    const street = await starsStreet(ctx, tx, input.streetId, 'starsManage');
    const before = await starSettingsOf(tx, street.id);
    const row = {
      version: before.version + 1,
      minimums: JSON.stringify(m),
      rewards: JSON.stringify(input.rewardsFen),
      company_max_percent: input.companyMaxPercent,
      updated_by: accountOf(ctx),
      updated_at: ctx.kernel.clock.now(),
    };
    await tx
      .insertInto('sup_star_settings')
      .values({ street_id: street.id, ...row })
      .onConflict((oc) => oc.column('street_id').doUpdateSet(row))
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.stars.settings_updated',
      placeId: street.id,
      subjectType: 'sup_star_settings',
      subjectId: street.id,
      before: { minimums: before.minimums, rewardsFen: before.rewardsFen, companyMaxPercent: before.companyMaxPercent },
      after: { minimums: m, rewardsFen: input.rewardsFen, companyMaxPercent: input.companyMaxPercent },
      detail: { version: row.version },
    });
    return { streetId: street.id, streetName: street.name, version: row.version, minimums: m, rewardsFen: input.rewardsFen, companyMaxPercent: input.companyMaxPercent, bands: starBands(m), companyCapPercent: COMPANY_SHARE_CAP_PERCENT };
  });
}
