import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../party.db.ts';
import type { ProjectBody } from '../party.reporting.schemas.ts';
import { projectPlace } from './projects-access.ts';
import { accountOf, managedCommunity } from './reporting-access.ts';

/**
 * The community lists a service project (a standing activity: 楼道清洁, 助老陪伴 …) at the community or one of its
 * compounds, with its posts (slots, points per hour). Reporting organisations claim projects, members claim posts.
 */
export async function createProject(ctx: Ctx, input: ProjectBody) {
  return write(ctx, async (tx) => {
    const community = await managedCommunity(tx, ctx, input.communityId);
    const place = await projectPlace(tx, community, input.placeId);
    const id = newId();
    const now = ctx.kernel.clock.now();
    await tx
      .insertInto('pty_projects')
      .values({
        street_id: community.street_id,
        id,
        community_id: community.id,
        place_id: place.id,
        title: input.title,
        description: input.description ?? '',
        status: 'open',
        created_by: accountOf(ctx),
        created_at: now,
        updated_at: now,
      })
      .execute();
    const posts = (input.posts ?? []).map((p) => ({
      street_id: community.street_id,
      id: newId(),
      project_id: id,
      title: p.title,
      description: p.description ?? '',
      slots: p.slots,
      points_per_hour: p.pointsPerHour,
      status: 'open' as const,
      created_at: now,
    }));
    if (posts.length) await tx.insertInto('pty_posts').values(posts).execute();
    await audit(tx, ctx, { action: 'party.reporting.project_created', placeId: community.id, subjectType: 'pty_project', subjectId: id, after: { title: input.title, posts: posts.length } });
    return { id, postIds: posts.map((p) => p.id) };
  });
}
