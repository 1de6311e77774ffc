import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { managedProject } from './projects-access.ts';

/** The community closes a project: no more claims of it or its posts; its claims and service records stay. */
export async function closeProject(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const project = await managedProject(tx, ctx, id, true);
    if (project.status !== 'open') throw ReportingErrors.PROJECT_CLOSED();
    await tx.updateTable('pty_projects').set({ status: 'closed', updated_at: ctx.kernel.clock.now() }).where('street_id', '=', project.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'party.reporting.project_closed', placeId: project.community_id, subjectType: 'pty_project', subjectId: id, before: { status: 'open' }, after: { status: 'closed' } });
    return { id, status: 'closed' as const };
  });
}
