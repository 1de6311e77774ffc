import { audit, type Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { PostEditBody } from '../party.reporting.schemas.ts';
import { managedProject } from './projects-access.ts';
import { yearOf } from './reporting-access.ts';

/**
 * The community edits a post: title, description, slots (never fewer than this year's active claims), points per
 * hour (for service recorded from now on: recorded points stay), open or closed to new claims.
 */
export async function updatePost(ctx: Ctx, id: string, input: PostEditBody) {
  return write(ctx, async (tx) => {
    const post = await tx.selectFrom('pty_posts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!post) throw ReportingErrors.POST_NOT_FOUND();
    const project = await managedProject(tx, ctx, post.project_id);
    const year = yearOf(chinaDay(ctx.kernel.clock.now()));
    const { n } = await tx
      .selectFrom('pty_member_claims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('street_id', '=', post.street_id)
      .where('post_id', '=', id)
      .where('year', '=', year)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    if (input.slots < Number(n)) throw ReportingErrors.SLOTS_BELOW_CLAIMS({ claims: Number(n) });
    const after = { title: input.title, description: input.description ?? '', slots: input.slots, points_per_hour: input.pointsPerHour, status: input.status ?? post.status };
    await tx.updateTable('pty_posts').set(after).where('street_id', '=', post.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'party.reporting.post_updated',
      placeId: project.community_id,
      subjectType: 'pty_post',
      subjectId: id,
      before: { title: post.title, description: post.description, slots: post.slots, points_per_hour: post.points_per_hour, status: post.status },
      after,
    });
    return { id };
  });
}
