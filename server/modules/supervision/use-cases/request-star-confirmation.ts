import { type ApprovalHandler, requestApproval } from '../../../kernel/approvals/approvals.ts';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { SUPERVISION_ROLES } from '../supervision.constants.ts';
import { type Tx, write } from '../supervision.db.ts';
import { rewardFor, STAR_TYPE_ZH, STARS_CONFIRM_APPROVAL, starForScore, starType } from '../supervision.stars.constants.ts';
import { StarsErrors } from '../supervision.stars.errors.ts';
import { compoundStarState, managedApplication, starSettingsOf } from '../supervision.stars.repository.ts';
import { accountOf } from './assessment-scope.ts';
import { civilityInspectionState } from './civility-inspection-state.ts';

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);
const centi = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** Whether the approval filed for an application was turned down (the street may then ask again). */
async function approvalRejected(tx: Tx, streetId: string, approvalId: string | null): Promise<boolean> {
  if (!approvalId) return false;
  const row = await tx.selectFrom('approvals').select('status').where('street_id', '=', streetId).where('id', '=', approvalId).executeTakeFirst();
  return row?.status === 'rejected';
}

/**
 * 提请确认: once the assessor has submitted the inspection, a street official asks to confirm the star its score
 * gives under the street's bands; the score and star are copied onto the application (frozen from now on) and
 * ANOTHER street official approves it through the approvals inbox (the kernel refuses the requester: APPROVAL_SELF).
 * A request turned down may be asked again.
 */
export async function requestStarConfirmation(ctx: Ctx, applicationId: string) {
  return write(ctx, async (tx) => {
    const app = await managedApplication(tx, ctx, applicationId);
    const again = app.status === 'pending' && (await approvalRejected(tx, app.street_id, app.approval_id));
    if (app.status !== 'assessing' && !again) throw StarsErrors.WRONG_STATUS();
    const inspection = app.inspection_id ? await civilityInspectionState(tx, app.street_id, app.inspection_id) : undefined;
    if (!inspection || inspection.status !== 'submitted' || inspection.scoreCenti === null) throw StarsErrors.NOT_SCORED();
    const settings = await starSettingsOf(tx, app.street_id);
    const star = starForScore(inspection.scoreCenti, settings.minimums);
    const summary = `确认${app.compoundName}有礼小区星级：${stars(star)} ${star}星（${STAR_TYPE_ZH[starType(star)]}），第三方评估得分 ${centi(inspection.scoreCenti)}`;
    const approval = await requestApproval(tx, ctx, { kind: STARS_CONFIRM_APPROVAL, placeId: app.compound_id, summary, payload: { streetId: app.street_id, applicationId: app.id } });
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('sup_star_applications')
      .set({ status: 'pending', score_centi: inspection.scoreCenti, stars: star, approval_id: approval.approvalId, requested_by: accountOf(ctx), requested_at: now })
      .where('street_id', '=', app.street_id)
      .where('id', '=', app.id)
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.stars.confirmation_requested',
      placeId: app.compound_id,
      subjectType: 'sup_star_application',
      subjectId: app.id,
      after: { scoreCenti: inspection.scoreCenti, stars: star, approvalId: approval.approvalId },
    });
    return { id: app.id, status: 'pending' as const, scoreCenti: inspection.scoreCenti, stars: star, approvalId: approval.approvalId };
  });
}

/**
 * Applied by the second street official: the star is in force from now (a new row of the compound's history); a
 * move above the highest star the compound ever held earns the reward of each level passed (rewardFor), kept with
 * the company's cap in force now, for the street to allocate.
 */
export const confirmStarsApproval: ApprovalHandler = {
  kind: STARS_CONFIRM_APPROVAL,
  approverRoles: SUPERVISION_ROLES.starsManage,
  async apply(tx: Tx, ctx: Ctx, payload: { streetId: string; applicationId: string }) {
    const app = await tx
      .selectFrom('sup_star_applications')
      .selectAll()
      .where('street_id', '=', payload.streetId)
      .where('id', '=', payload.applicationId)
      .forUpdate()
      .executeTakeFirst();
    if (!app || app.status !== 'pending' || app.stars === null || app.score_centi === null) throw StarsErrors.WRONG_STATUS();
    const now = ctx.kernel.clock.now();
    const { highest } = await compoundStarState(tx, app.street_id, app.compound_id);
    const settings = await starSettingsOf(tx, app.street_id);
    await tx
      .insertInto('sup_compound_stars')
      .values({
        street_id: app.street_id,
        id: newId(),
        compound_id: app.compound_id,
        application_id: app.id,
        period: app.period,
        stars: app.stars,
        type: starType(app.stars),
        score_centi: app.score_centi,
        confirmed_at: now,
        confirmed_by: accountOf(ctx),
      })
      .execute();
    const amount = rewardFor(highest, app.stars, settings.rewardsFen);
    if (amount > 0) {
      await tx
        .insertInto('sup_star_rewards')
        .values({ street_id: app.street_id, id: newId(), application_id: app.id, compound_id: app.compound_id, from_stars: highest, to_stars: app.stars, amount_fen: amount, company_max_percent: settings.companyMaxPercent, created_at: now })
        .execute();
    }
    await tx.updateTable('sup_star_applications').set({ status: 'confirmed', confirmed_at: now }).where('street_id', '=', app.street_id).where('id', '=', app.id).execute();
    await audit(tx, ctx, {
      action: 'supervision.stars.confirmed',
      placeId: app.compound_id,
      subjectType: 'sup_star_application',
      subjectId: app.id,
      after: { stars: app.stars, type: starType(app.stars), scoreCenti: app.score_centi, rewardFen: amount, highestBefore: highest },
    });
    return { applicationId: app.id, stars: app.stars, rewardFen: amount };
  },
};
