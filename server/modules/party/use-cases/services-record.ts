import { audit, type Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { newId } from '../../../kernel/ids.ts';
import { write } from '../party.db.ts';
import { servicePoints } from '../party.reporting.constants.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import type { ServiceBody } from '../party.reporting.schemas.ts';
import { accountOf, managedCommunity } from './reporting-access.ts';

/**
 * The community records a member's service on an active claim: a day not in the future and within the claim's year,
 * minutes, a note. The server computes the points: floor(minutes × the post's points per hour / 60).
 */
export async function recordService(ctx: Ctx, input: ServiceBody) {
  return write(ctx, async (tx) => {
    const claim = await tx
      .selectFrom('pty_member_claims as mc')
      .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
      .innerJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 'mc.street_id').onRef('m.id', '=', 'mc.member_id'))
      .leftJoin('pty_posts as t', (j) => j.onRef('t.street_id', '=', 'mc.street_id').onRef('t.id', '=', 'mc.post_id'))
      .select(['mc.street_id', 'mc.id', 'mc.member_id', 'mc.year', 'mc.status', 'p.community_id', 'p.title as projectTitle', 't.title as postTitle', 't.points_per_hour', 'm.person_name'])
      .where('mc.id', '=', input.claimId)
      .executeTakeFirst();
    if (!claim) throw ReportingErrors.CLAIM_NOT_FOUND();
    const community = await managedCommunity(tx, ctx, claim.community_id, ReportingErrors.CLAIM_NOT_FOUND);
    if (claim.status !== 'active') throw ReportingErrors.CLAIM_WITHDRAWN();
    if (input.servedOn > chinaDay(ctx.kernel.clock.now())) throw ReportingErrors.DATE_IN_FUTURE();
    if (Number(input.servedOn.slice(0, 4)) !== claim.year) throw ReportingErrors.DATE_OUTSIDE_YEAR({ year: claim.year });
    const points = servicePoints(input.minutes, claim.points_per_hour ?? 0);
    const id = newId();
    await tx
      .insertInto('pty_services')
      .values({
        street_id: claim.street_id,
        id,
        member_id: claim.member_id,
        claim_id: claim.id,
        served_on: input.servedOn,
        minutes: input.minutes,
        points,
        note: input.note ?? '',
        recorded_by: accountOf(ctx),
        recorded_at: ctx.kernel.clock.now(),
      })
      .execute();
    await audit(tx, ctx, {
      action: 'party.reporting.service_recorded',
      placeId: community.id,
      subjectType: 'pty_service',
      subjectId: id,
      after: { member: claim.person_name, post: claim.postTitle ?? claim.projectTitle, servedOn: input.servedOn, minutes: input.minutes, points },
    });
    return { id, points };
  });
}
