import { audit, type Ctx } from '../../../kernel/context.ts';
import { AssessmentErrors } from '../supervision.assessment.errors.ts';
import { settingsOf } from '../supervision.assessment.repository.ts';
import type { SettingsBody } from '../supervision.assessment.schemas.ts';
import { bandsTopDown, bandsValid, weightsValid } from '../supervision.assessment.scoring.ts';
import { read, write } from '../supervision.db.ts';
import { accountOf, readsAt, streetFor } from './assessment-scope.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { findPlace } from '../../../kernel/access/index.ts';

/**
 * A street's settings as the settings page shows them (the defaults, version 0, until first saved): readable by
 * whoever reads assessments anywhere in the street (a company's grants are on its compounds), so every score's
 * weights and bands are open to those it concerns.
 */
export async function getAssessmentSettings(ctx: Ctx, streetId: string) {
  const place = await findPlace(read(ctx), streetId);
  if (!place || !readsAt(ctx.actor, place.path)) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'street') throw AssessmentErrors.NOT_A_STREET();
  const street = place;
  const s = await settingsOf(read(ctx), street.id);
  return { streetId: street.id, streetName: street.name, ...s, bands: bandsTopDown(s.bands) };
}

/**
 * Sets a street's weights and colour bands (SUPERVISION_ROLES.assessmentManage): the weights must add up to exactly
 * 100 and the bands tile 0–100 as half-open intervals; either refused leaves everything as it was. The version
 * steps by one; periods already computed keep the settings they were computed with until recomputed.
 */
export async function updateAssessmentSettings(ctx: Ctx, input: SettingsBody) {
  if (!weightsValid(input.weights)) throw AssessmentErrors.WEIGHTS_INVALID();
  if (!bandsValid(input.bands)) throw AssessmentErrors.BANDS_INVALID();
  return write(ctx, async (tx) => {
    const street = await streetFor(ctx, tx, input.streetId, 'assessmentManage');
    const before = await settingsOf(tx, street.id);
    const version = before.version + 1;
    const bands = bandsTopDown(input.bands);
    const row = { version, weights: JSON.stringify(input.weights), bands: JSON.stringify(bands), updated_by: accountOf(ctx), updated_at: ctx.kernel.clock.now() };
    await tx
      .insertInto('sup_assessment_settings')
      .values({ street_id: street.id, ...row })
      .onConflict((oc) => oc.column('street_id').doUpdateSet(row))
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.assessment.settings_updated',
      placeId: street.id,
      subjectType: 'sup_assessment_settings',
      subjectId: street.id,
      before: { weights: before.weights, bands: before.bands },
      after: { weights: input.weights, bands },
      detail: { version },
    });
    return { streetId: street.id, streetName: street.name, version, weights: input.weights, bands };
  });
}
