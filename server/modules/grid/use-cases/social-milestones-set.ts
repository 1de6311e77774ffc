import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../grid.db.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { MilestonesBody } from '../grid.social.schemas.ts';
import { managedProject, needStatus, yuan } from './social-access.ts';

/**
 * socialManage sets a funded project's milestones (title, due day, tranche), replacing the plan, while the round is
 * funded or running and before any report is accepted. The tranches must sum exactly to the grant. Audited.
 */
export async function setMilestones(ctx: Ctx, applicationId: string, body: MilestonesBody): Promise<{ milestones: number }> {
  return write(ctx, async (tx) => {
    const { app, round } = await managedProject(tx, ctx, applicationId, { lock: true });
    needStatus(round, ['funded', 'running'], { zh: '设定阶段计划', en: 'plan milestones' });
    const total = body.milestones.reduce((s, m) => s + m.trancheFen, 0);
    if (total !== app.grantFen) throw SocialErrors.VENTURE_TRANCHES_NOT_GRANT({ total: yuan(total), grant: yuan(app.grantFen) });
    const held = await tx
      .selectFrom('grid_venture_milestones')
      .select('id')
      .where('street_id', '=', app.streetId)
      .where('application_id', '=', app.id)
      .where('status', '<>', 'pending')
      .limit(1)
      .executeTakeFirst();
    if (held) throw SocialErrors.VENTURE_MILESTONES_LOCKED();
    await tx.deleteFrom('grid_venture_milestones').where('street_id', '=', app.streetId).where('application_id', '=', app.id).execute();
    await tx
      .insertInto('grid_venture_milestones')
      .values(body.milestones.map((m, i) => ({ street_id: app.streetId, id: newId(), application_id: app.id, seq: i + 1, title: m.title, due_on: m.dueOn, tranche_fen: m.trancheFen })))
      .execute();
    await audit(tx, ctx, { action: 'grid.social.milestones_set', placeId: round.placeId, subjectType: 'grid_venture_application', subjectId: app.id, detail: { title: app.title, milestones: body.milestones.length, totalFen: total } });
    return { milestones: body.milestones.length };
  });
}
