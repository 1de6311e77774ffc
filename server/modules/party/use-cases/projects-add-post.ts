import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { PostInput } from '../party.reporting.schemas.ts';
import { managedProject } from './projects-access.ts';

/** The community adds a post to an open project (its slots and the points an hour of service earns). */
export async function addPost(ctx: Ctx, projectId: string, input: PostInput) {
  return write(ctx, async (tx) => {
    const project = await managedProject(tx, ctx, projectId, true);
    if (project.status !== 'open') throw ReportingErrors.PROJECT_CLOSED();
    const id = newId();
    await tx
      .insertInto('pty_posts')
      .values({ street_id: project.street_id, id, project_id: project.id, title: input.title, description: input.description ?? '', slots: input.slots, points_per_hour: input.pointsPerHour, status: 'open' })
      .execute();
    await audit(tx, ctx, { action: 'party.reporting.post_added', placeId: project.community_id, subjectType: 'pty_post', subjectId: id, after: { project: project.title, title: input.title, slots: input.slots, pointsPerHour: input.pointsPerHour } });
    return { id };
  });
}
