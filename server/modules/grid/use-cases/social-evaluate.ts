import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../grid.db.ts';
import { PROJECT_GRADE_ZH } from '../grid.social.contract.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { EvaluationBody } from '../grid.social.schemas.ts';
import { accountOf, managedProject, needStatus } from './social-access.ts';

/** socialManage records a funded project's final evaluation (优秀 / 良好 / 合格 / 不合格 and a note) while the round runs; once. Audited. */
export async function evaluateProject(ctx: Ctx, applicationId: string, body: EvaluationBody): Promise<{ id: string }> {
  return write(ctx, async (tx) => {
    const { app, round } = await managedProject(tx, ctx, applicationId, { lock: true });
    needStatus(round, ['running'], { zh: '终期评估', en: 'evaluate projects' });
    if (app.grade) throw SocialErrors.VENTURE_EVALUATED();
    await tx
      .updateTable('grid_venture_applications')
      .set({ grade: body.grade, grade_note: body.note, evaluated_at: ctx.kernel.clock.now(), evaluated_by: accountOf(ctx) })
      .where('street_id', '=', app.streetId)
      .where('id', '=', app.id)
      .execute();
    await audit(tx, ctx, { action: 'grid.social.project_evaluated', placeId: round.placeId, subjectType: 'grid_venture_application', subjectId: app.id, detail: { title: app.title, grade: PROJECT_GRADE_ZH[body.grade] } });
    return { id: app.id };
  });
}
