import { sql } from 'kysely';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Executor, read, write } from '../grid.db.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { SocialErrors } from '../grid.social.errors.ts';
import type { ReviewerBody } from '../grid.social.schemas.ts';
import { accountOf, needStatus, orgById, readableRound } from './social-access.ts';

/** The staff accounts a round's panel may take: those holding a social role at or under the round's place, or above it. */
async function candidates(db: Executor, round: { placePath: string; streetId: string }) {
  const roles = [...new Set([...GRID_ROLES.socialRead, ...GRID_ROLES.socialManage, ...GRID_ROLES.ventureApprove])].filter((r) => r !== 'platform_admin');
  return db
    .selectFrom('grants as g')
    .innerJoin('places as p', 'p.id', 'g.place_id')
    .innerJoin('accounts as a', 'a.id', 'g.account_id')
    .select(['a.id', 'a.display_name as name', 'a.username'])
    .distinct()
    .where('g.role', 'in', roles)
    .where('a.disabled', '=', false)
    .where((eb) => eb.or([eb('p.path', 'like', `${round.placePath}%`), sql<boolean>`${round.placePath} like p.path || '%'`]))
    .orderBy('a.display_name')
    .execute();
}

/** Whom ventureApprove may name to a round's panel. */
export async function reviewerOptions(ctx: Ctx, roundId: string) {
  const db = read(ctx);
  const round = await readableRound(db, ctx, roundId);
  if (!round.approves) throw CommonErrors.FORBIDDEN();
  return candidates(db, round);
}

/** ventureApprove names a reviewer (an account holding a social role over the round's place), with an optional affiliation, before the funded list is approved. Audited. */
export async function addReviewer(ctx: Ctx, roundId: string, body: ReviewerBody): Promise<{ accountId: string }> {
  return write(ctx, async (tx) => {
    const round = await readableRound(tx, ctx, roundId, { lock: true });
    if (!round.approves) throw CommonErrors.FORBIDDEN();
    needStatus(round, ['draft', 'call', 'review'], { zh: '调整评审名单', en: 'change the panel' });
    const who = (await candidates(tx, round)).find((c) => c.id === body.accountId);
    if (!who) throw SocialErrors.VENTURE_REVIEWER_NOT_ELIGIBLE();
    let affiliation: string | null = null;
    if (body.affiliationOrgId) {
      const org = await orgById(tx, body.affiliationOrgId);
      if (!org || org.streetId !== round.streetId) throw SocialErrors.SOCIAL_ORG_NOT_FOUND();
      affiliation = org.id;
    }
    const exists = await tx.selectFrom('grid_venture_reviewers').select('account_id').where('street_id', '=', round.streetId).where('round_id', '=', round.id).where('account_id', '=', who.id).executeTakeFirst();
    if (exists) throw SocialErrors.VENTURE_REVIEWER_EXISTS();
    await tx
      .insertInto('grid_venture_reviewers')
      .values({ street_id: round.streetId, round_id: round.id, account_id: who.id, name: who.name, affiliation_org_id: affiliation, added_by: accountOf(ctx), added_at: ctx.kernel.clock.now() })
      .execute();
    await audit(tx, ctx, { action: 'grid.social.reviewer_added', placeId: round.placeId, subjectType: 'grid_venture_round', subjectId: round.id, detail: { round: round.title, reviewer: who.name, affiliationOrgId: affiliation } });
    return { accountId: who.id };
  });
}

/** ventureApprove takes a reviewer off the panel before any of their scores are recorded. Audited. */
export async function removeReviewer(ctx: Ctx, roundId: string, accountId: string): Promise<{ accountId: string }> {
  return write(ctx, async (tx) => {
    const round = await readableRound(tx, ctx, roundId, { lock: true });
    if (!round.approves) throw CommonErrors.FORBIDDEN();
    needStatus(round, ['draft', 'call', 'review'], { zh: '调整评审名单', en: 'change the panel' });
    const scored = await tx.selectFrom('grid_venture_scores').select('account_id').where('street_id', '=', round.streetId).where('round_id', '=', round.id).where('account_id', '=', accountId).limit(1).executeTakeFirst();
    if (scored) throw SocialErrors.VENTURE_NOT_READY({ reasonZh: '该评审已有评分记录，不能移出', reason: 'The reviewer has recorded scores' });
    const gone = await tx.deleteFrom('grid_venture_reviewers').where('street_id', '=', round.streetId).where('round_id', '=', round.id).where('account_id', '=', accountId).returning('name').executeTakeFirst();
    if (!gone) throw SocialErrors.VENTURE_NOT_REVIEWER();
    await audit(tx, ctx, { action: 'grid.social.reviewer_removed', placeId: round.placeId, subjectType: 'grid_venture_round', subjectId: round.id, detail: { round: round.title, reviewer: gone.name } });
    return { accountId };
  });
}
