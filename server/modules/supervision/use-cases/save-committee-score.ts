import { audit, type Ctx } from '../../../kernel/context.ts';
import type { CommitteeDimension } from '../supervision.committees.constants.ts';
import type { ScoreBody } from '../supervision.committees.schemas.ts';
import { write } from '../supervision.db.ts';
import { ratingFor } from './committee-access.ts';
import { ratingViews } from './committee-rating-view.ts';

/** Records a dimension's score (0–100.00) and note on a draft rating (a rater at its compound; 409 once submitted). */
export async function saveCommitteeScore(ctx: Ctx, id: string, dimension: CommitteeDimension, input: ScoreBody) {
  return write(ctx, async (tx) => {
    const row = await ratingFor(ctx, tx, id, { write: true, forUpdate: true });
    const values = { score_centi: input.scoreCenti, note: input.note ?? '' };
    const before = await tx
      .selectFrom('sup_committee_scores')
      .select(['score_centi', 'note'])
      .where('street_id', '=', row.street_id)
      .where('rating_id', '=', id)
      .where('dimension', '=', dimension)
      .executeTakeFirst();
    await tx
      .insertInto('sup_committee_scores')
      .values({ street_id: row.street_id, rating_id: id, dimension, ...values })
      .onConflict((oc) => oc.columns(['street_id', 'rating_id', 'dimension']).doUpdateSet(values))
      .execute();
    await audit(tx, ctx, { action: 'supervision.committees.score_saved', placeId: row.compound_id, subjectType: 'sup_committee_rating', subjectId: id, before, after: values, detail: { dimension } });
    return (await ratingViews(tx, ctx, [row]))[0]!;
  });
}
