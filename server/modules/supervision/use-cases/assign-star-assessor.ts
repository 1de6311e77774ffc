import { sql } from 'kysely';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { read, type Executor, write } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { StarsErrors } from '../supervision.stars.errors.ts';
import { visibleApplication } from '../supervision.stars.repository.ts';
import type { AssignBody } from '../supervision.stars.schemas.ts';
import { CommonErrors } from '../../../kernel/errors.ts';

/** The accounts holding `assessor` on a place at or above the compound (its street): who may be assigned. */
export function assessorsOver(db: Executor, compoundPath: string) {
  return db
    .selectFrom('grants as g')
    .innerJoin('places as p', 'p.id', 'g.place_id')
    .innerJoin('accounts as acc', 'acc.id', 'g.account_id')
    .select(['acc.id', 'acc.display_name as name', 'p.name as placeName'])
    .distinctOn('acc.id')
    .where('g.role', '=', 'assessor')
    .where('acc.disabled', '=', false)
    .where(sql<boolean>`${compoundPath} like p.path || '%'`)
    .orderBy('acc.id');
}

/** The assessors the street may assign to an application (SUPERVISION_ROLES.starsManage). */
export async function listStarAssessors(ctx: Ctx, applicationId: string) {
  const app = await visibleApplication(read(ctx), ctx, applicationId);
  if (!allows(ctx.actor, 'starsManage', app.compoundPath)) throw CommonErrors.FORBIDDEN();
  const rows = await assessorsOver(read(ctx), app.compoundPath).execute();
  return { items: rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
}

/**
 * 指派评估员: the street assigns a third-party assessor (an account holding `assessor` over the compound) to an
 * application; it may reassign until the assessment has started (409 after).
 */
export async function assignStarAssessor(ctx: Ctx, applicationId: string, input: AssignBody) {
  return write(ctx, async (tx) => {
    const app = await visibleApplication(tx, ctx, applicationId, true);
    if (!allows(ctx.actor, 'starsManage', app.compoundPath)) throw CommonErrors.FORBIDDEN();
    if (app.status !== 'applied' && app.status !== 'assigned') throw StarsErrors.WRONG_STATUS();
    const assessor = await assessorsOver(tx, app.compoundPath).where('acc.id', '=', input.assessorId).executeTakeFirst();
    if (!assessor) throw StarsErrors.NOT_ASSESSOR();
    const now = ctx.kernel.clock.now();
    await tx
      .updateTable('sup_star_applications')
      .set({ status: 'assigned', assessor_id: assessor.id, assessor_name: assessor.name, assigned_at: now })
      .where('street_id', '=', app.street_id)
      .where('id', '=', app.id)
      .execute();
    await audit(tx, ctx, {
      action: 'supervision.stars.assessor_assigned',
      placeId: app.compound_id,
      subjectType: 'sup_star_application',
      subjectId: app.id,
      before: { assessorId: app.assessor_id },
      after: { assessorId: assessor.id, assessorName: assessor.name },
    });
    return { id: app.id, status: 'assigned' as const, assessorId: assessor.id, assessorName: assessor.name };
  });
}
