import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { ProjectEditBody } from '../party.reporting.schemas.ts';
import { managedProject, projectPlace } from './projects-access.ts';

/** The community edits an open project's title, description and place. */
export async function updateProject(ctx: Ctx, id: string, input: ProjectEditBody) {
  return write(ctx, async (tx) => {
    const project = await managedProject(tx, ctx, id, true);
    if (project.status !== 'open') throw ReportingErrors.PROJECT_CLOSED();
    const place = await projectPlace(tx, { street_id: project.street_id, id: project.community_id, path: project.communityPath }, input.placeId);
    const after = { title: input.title, description: input.description ?? '', place_id: place.id };
    await tx.updateTable('pty_projects').set({ ...after, updated_at: ctx.kernel.clock.now() }).where('street_id', '=', project.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'party.reporting.project_updated',
      placeId: project.community_id,
      subjectType: 'pty_project',
      subjectId: id,
      before: { title: project.title, description: project.description, place_id: project.place_id },
      after,
    });
    return { id };
  });
}
