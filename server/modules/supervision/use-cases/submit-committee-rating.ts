import { audit, type Ctx } from '../../../kernel/context.ts';
import { COMMITTEE_DIMENSIONS, COMMITTEE_DIMENSION_ZH, type CommitteeDimension } from '../supervision.committees.constants.ts';
import { CommitteeErrors } from '../supervision.committees.errors.ts';
import { committeeSettingsOf, ratingFiles, ratingScores } from '../supervision.committees.repository.ts';
import { starsOf, weightedScore } from '../supervision.committees.scoring.ts';
import { write } from '../supervision.db.ts';
import { ratingFor } from './committee-access.ts';
import { ratingViews } from './committee-rating-view.ts';

const names = (ds: CommitteeDimension[]) => ds.map((d) => COMMITTEE_DIMENSION_ZH[d]).join('、');

/**
 * Submits a draft rating: every dimension scored and with at least one piece of evidence (refused otherwise, naming
 * what is missing); the weighted score by the street's current settings (exact, one half-up rounding to hundredths)
 * gives the stars. From then on it is frozen (409) and shows in the street's list and the committee's history.
 */
export async function submitCommitteeRating(ctx: Ctx, id: string) {
  return write(ctx, async (tx) => {
    const row = await ratingFor(ctx, tx, id, { write: true, forUpdate: true });
    const [scores, files] = await Promise.all([ratingScores(tx, row.street_id, [id]), ratingFiles(tx, row.street_id, [id])]);
    const unscored = COMMITTEE_DIMENSIONS.filter((d) => !scores.some((s) => s.dimension === d));
    if (unscored.length) throw CommitteeErrors.SCORE_MISSING({ dimensions: names(unscored) }, { dimensions: unscored });
    const bare = COMMITTEE_DIMENSIONS.filter((d) => !files.some((f) => f.dimension === d));
    if (bare.length) throw CommitteeErrors.EVIDENCE_MISSING({ dimensions: names(bare) }, { dimensions: bare });
    const settings = await committeeSettingsOf(tx, row.street_id);
    const byDim = Object.fromEntries(scores.map((s) => [s.dimension, s.score_centi])) as Record<CommitteeDimension, number>;
    const score = weightedScore(byDim, settings.weights);
    const stars = starsOf(score, settings.starMins);
    const at = ctx.kernel.clock.now();
    const set = { status: 'submitted' as const, score_centi: score, stars, settings: JSON.stringify(settings), submitted_at: at };
    await tx.updateTable('sup_committee_ratings').set(set).where('street_id', '=', row.street_id).where('id', '=', id).execute();
    await audit(tx, ctx, {
      action: 'supervision.committees.rating_submitted',
      placeId: row.compound_id,
      subjectType: 'sup_committee_rating',
      subjectId: id,
      detail: { committeeId: row.committee_id, period: row.period, scoreCenti: score, stars, scores: byDim, settingsVersion: settings.version },
    });
    return (await ratingViews(tx, ctx, [{ ...row, ...set, settings }]))[0]!;
  });
}
