import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { MemberReportBody } from '../party.reporting.schemas.ts';
import { homeCommunities } from './reporting-home-communities.ts';
import { myEmployedMember } from './reporting-my-member.ts';
import { accountOf } from './reporting-access.ts';

/**
 * 双报到, the member's side (H5): an active employed member reports to the community where they live — the one
 * community above their homes, or the one they choose among several — with their skills (特长). One live report per
 * member (409). A local member reports nowhere (403).
 */
export async function submitMemberReport(ctx: Ctx, input: MemberReportBody) {
  return write(ctx, async (tx) => {
    const member = await myEmployedMember(tx, ctx);
    const homes = await homeCommunities(tx, member);
    if (homes.length === 0) throw ReportingErrors.NO_HOME_COMMUNITY();
    const community = input.communityId ? homes.find((c) => c.id === input.communityId) : homes.length === 1 ? homes[0] : undefined;
    if (!community) throw ReportingErrors.NOT_YOUR_COMMUNITY();
    const live = await tx
      .selectFrom('pty_member_reports')
      .select('id')
      .where('street_id', '=', member.streetId)
      .where('member_id', '=', member.id)
      .where('status', 'in', ['pending', 'confirmed'])
      .executeTakeFirst();
    if (live) throw ReportingErrors.ALREADY_REPORTED();
    const id = newId();
    await tx
      .insertInto('pty_member_reports')
      .values({
        street_id: member.streetId,
        id,
        member_id: member.id,
        community_id: community.id,
        status: 'pending',
        skills: input.skills,
        note: input.note ?? '',
        reported_by: accountOf(ctx),
        reported_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, { action: 'party.reporting.member_reported', placeId: community.id, subjectType: 'pty_member_report', subjectId: id, after: { community: community.name } });
    return { id, status: 'pending' as const, communityId: community.id, communityName: community.name };
  });
}
