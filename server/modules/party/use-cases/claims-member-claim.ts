import { audit, type Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { MemberClaimBody } from '../party.reporting.schemas.ts';
import { yearOf } from './reporting-access.ts';
import { confirmedCommunityOf, myMember } from './reporting-my-member.ts';

/**
 * 认领岗位 (H5): a member whose report is confirmed claims an open post of an open project of that community for
 * this year — not another community's (409 NOT_CONFIRMED), not twice (409), not beyond its slots (409 POST_FULL: the
 * post row is locked, so two members cannot take the last slot together).
 */
export async function claimPost(ctx: Ctx, input: MemberClaimBody) {
  return write(ctx, async (tx) => {
    const member = await myMember(tx, ctx);
    const communityId = await confirmedCommunityOf(tx, member);
    const post = await tx
      .selectFrom('pty_posts as t')
      .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 't.street_id').onRef('p.id', '=', 't.project_id'))
      .select(['t.id', 't.title', 't.slots', 't.status', 'p.id as projectId', 'p.title as projectTitle', 'p.status as projectStatus', 'p.community_id as communityId'])
      .where('t.street_id', '=', member.streetId)
      .where('t.id', '=', input.postId)
      .forUpdate('t')
      .executeTakeFirst();
    if (!post) throw ReportingErrors.POST_NOT_FOUND();
    if (!communityId || communityId !== post.communityId) throw ReportingErrors.NOT_CONFIRMED();
    if (post.projectStatus !== 'open') throw ReportingErrors.PROJECT_CLOSED();
    if (post.status !== 'open') throw ReportingErrors.POST_CLOSED();
    const year = yearOf(chinaDay(ctx.kernel.clock.now()));
    const claims = await tx
      .selectFrom('pty_member_claims')
      .select(['member_id'])
      .where('street_id', '=', member.streetId)
      .where('post_id', '=', post.id)
      .where('year', '=', year)
      .where('status', '=', 'active')
      .execute();
    if (claims.some((c) => c.member_id === member.id)) throw ReportingErrors.ALREADY_CLAIMED();
    if (claims.length >= post.slots) throw ReportingErrors.POST_FULL();
    const id = newId();
    await tx
      .insertInto('pty_member_claims')
      .values({ street_id: member.streetId, id, member_id: member.id, project_id: post.projectId, post_id: post.id, year, status: 'active', claimed_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'party.reporting.member_claimed', placeId: post.communityId, subjectType: 'pty_member_claim', subjectId: id, after: { project: post.projectTitle, post: post.title, year } });
    return { id, year };
  });
}
