import { audit, type Ctx } from '../../../kernel/context.ts';
import type { AppError } from '../../../kernel/errors.ts';
import { read, write } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { StarsErrors } from '../supervision.stars.errors.ts';
import { type ApplicationRow, visibleApplication } from '../supervision.stars.repository.ts';
import { civilityInspectionState } from './civility-inspection-state.ts';
import { deleteInspection } from './delete-inspection.ts';
import { startInspection } from './start-inspection.ts';

/** Only the assessor assigned (holding the role over the compound still) scores an application; to anyone else it is not there. */
function assessable(ctx: Ctx, app: ApplicationRow): void {
  if (app.assessor_id !== ctx.actor.accountId || !allows(ctx.actor, 'starsAssess', app.compoundPath)) throw StarsErrors.APPLICATION_NOT_FOUND();
}

/**
 * 开始评分: the assigned assessor starts the civility inspection of the compound for the application's quarter —
 * through the sheets part's own use case (the sheet in force, every indicator, evidence uploads and the rule that
 * missing evidence counts 0 are all the sheets part's) — and the application links it. Asked again while that
 * inspection exists: 409 (the page links to it); a draft deleted by mistake is replaced. The sheets part's use case runs its own transaction;
 * should the link then fail (a second click raced it), the new draft is deleted again, so nothing is left over.
 */
export async function startStarAssessment(ctx: Ctx, applicationId: string): Promise<{ id: string; inspectionId: string; status: 'assessing' }> {
  const app = await visibleApplication(read(ctx), ctx, applicationId);
  assessable(ctx, app);
  // Started already (its link is on the application's page): a second start would be a second inspection.
  const live = app.inspection_id ? await civilityInspectionState(read(ctx), app.street_id, app.inspection_id) : undefined;
  if (live || (app.status !== 'assigned' && app.status !== 'assessing')) throw StarsErrors.WRONG_STATUS();
  let inspection: { id: string };
  try {
    inspection = await startInspection(ctx, { compoundId: app.compound_id, kind: 'civility', period: app.period });
  } catch (e) {
    if ((e as AppError).code === 'NO_SHEET_IN_FORCE') throw StarsErrors.NO_SHEET();
    throw e;
  }
  try {
    return await write(ctx, async (tx) => {
      const locked = await visibleApplication(tx, ctx, applicationId, true);
      assessable(ctx, locked);
      const stale = locked.inspection_id && !(await civilityInspectionState(tx, locked.street_id, locked.inspection_id));
      if (!(locked.status === 'assigned' || (locked.status === 'assessing' && stale))) throw StarsErrors.WRONG_STATUS();
      await tx
        .updateTable('sup_star_applications')
        .set({ status: 'assessing', inspection_id: inspection.id })
        .where('street_id', '=', locked.street_id)
        .where('id', '=', locked.id)
        .execute();
      await audit(tx, ctx, { action: 'supervision.stars.assessment_started', placeId: locked.compound_id, subjectType: 'sup_star_application', subjectId: locked.id, after: { inspectionId: inspection.id } });
      return { id: locked.id, inspectionId: inspection.id, status: 'assessing' as const };
    });
  } catch (e) {
    await deleteInspection(ctx, inspection.id);
    throw e;
  }
}
