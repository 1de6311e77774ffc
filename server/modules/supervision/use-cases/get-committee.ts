import type { Ctx } from '../../../kernel/context.ts';
import { read } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { committeeFor, ratingFor } from './committee-access.ts';
import { ratingViews } from './committee-rating-view.ts';

/**
 * An owners' committee's page: who it is and its rating history, newest year first — every submitted rating with
 * its stars, score, per-dimension scores, notes and evidence; a rater also sees a draft in progress. Its own members
 * (committeesRead at their compound) see it; a property company does not.
 */
export async function getCommittee(ctx: Ctx, committeeId: string) {
  const db = read(ctx);
  const org = await committeeFor(ctx, db, committeeId);
  const rater = allows(ctx.actor, 'committeesRate', org.placePath);
  const rows = await db
    .selectFrom('sup_committee_ratings')
    .selectAll()
    .where('street_id', '=', org.streetId)
    .where('committee_id', '=', org.id)
    .$if(!rater, (q) => q.where('status', '=', 'submitted'))
    .orderBy('period', 'desc')
    .execute();
  const history = await ratingViews(db, ctx, rows.map((r) => ({ ...r, path: org.placePath })));
  return { id: org.id, name: org.name, streetId: org.streetId, compoundId: org.placeId, compoundName: org.placeName, canRate: rater, history };
}

/** One rating as its page shows it (a draft only for raters). */
export async function getCommitteeRating(ctx: Ctx, id: string) {
  const db = read(ctx);
  const row = await ratingFor(ctx, db, id);
  return (await ratingViews(db, ctx, [row]))[0]!;
}
