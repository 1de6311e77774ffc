import { audit, type Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/ids.ts';
import { CommitteeErrors } from '../supervision.committees.errors.ts';
import { write } from '../supervision.db.ts';
import { committeeFor } from './committee-access.ts';
import { ratingViews } from './committee-rating-view.ts';

/** The China-time year an instant falls in (UTC+8 all year). */
export const chinaYear = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();

/**
 * Starts a rating of an owners' committee for a year (committeesRate at its compound). One rating per committee
 * and year: a submitted one stands (409); a draft is replaced by the new, empty one (its scores and evidence go).
 */
export async function startCommitteeRating(ctx: Ctx, input: { committeeId: string; period: string }) {
  if (Number(input.period) > chinaYear(ctx.kernel.clock.now())) throw CommitteeErrors.PERIOD_FUTURE();
  return write(ctx, async (tx) => {
    const org = await committeeFor(ctx, tx, input.committeeId, 'committeesRate');
    const existing = await tx
      .selectFrom('sup_committee_ratings')
      .select(['id', 'status'])
      .where('street_id', '=', org.streetId)
      .where('committee_id', '=', org.id)
      .where('period', '=', input.period)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'submitted') throw CommitteeErrors.RATING_EXISTS();
    if (existing) await tx.deleteFrom('sup_committee_ratings').where('street_id', '=', org.streetId).where('id', '=', existing.id).execute();
    const id = newId();
    const now = ctx.kernel.clock.now();
    const row = {
      street_id: org.streetId,
      id,
      committee_id: org.id,
      committee_name: org.name,
      compound_id: org.placeId,
      period: input.period,
      status: 'draft' as const,
      rater_id: ctx.actor.accountId,
      rater_name: ctx.actor.name,
      created_at: now,
    };
    await tx.insertInto('sup_committee_ratings').values(row).execute();
    await audit(tx, ctx, {
      action: 'supervision.committees.rating_started',
      placeId: org.placeId,
      subjectType: 'sup_committee_rating',
      subjectId: id,
      detail: { committeeId: org.id, period: input.period, ...(existing ? { replacedDraft: existing.id } : {}) },
    });
    const [view] = await ratingViews(tx, ctx, [{ ...row, score_centi: null, stars: null, settings: null, submitted_at: null, path: org.placePath }]);
    return view!;
  });
}
