import { audit, type Ctx } from '../../../kernel/context.ts';
import { write } from '../party.db.ts';
import { ReportingErrors } from '../party.reporting.errors.ts';
import { myMember } from './reporting-my-member.ts';

/** The member withdraws their own active claim (its service records stay; the slot frees). */
export async function withdrawMemberClaim(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const member = await myMember(tx, ctx);
    const claim = await tx
      .selectFrom('pty_member_claims as mc')
      .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
      .select(['mc.street_id', 'mc.id', 'mc.status', 'p.community_id as communityId'])
      .where('mc.street_id', '=', member.streetId)
      .where('mc.id', '=', id)
      .where('mc.member_id', '=', member.id)
      .forUpdate('mc')
      .executeTakeFirst();
    if (!claim) throw ReportingErrors.CLAIM_NOT_FOUND();
    if (claim.status !== 'active') throw ReportingErrors.CLAIM_WITHDRAWN();
    await tx.updateTable('pty_member_claims').set({ status: 'withdrawn', withdrawn_at: ctx.kernel.clock.now() }).where('street_id', '=', claim.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'party.reporting.claim_withdrawn', placeId: claim.communityId, subjectType: 'pty_member_claim', subjectId: id, before: { status: 'active' }, after: { status: 'withdrawn' } });
    return { id, status: 'withdrawn' as const };
  });
}
