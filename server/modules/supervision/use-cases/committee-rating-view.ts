import type { Ctx } from '../../../kernel/context.ts';
import { COMMITTEE_DIMENSIONS, type CommitteeDimension, type CommitteeRatingStatus } from '../supervision.committees.constants.ts';
import { ratingFiles, ratingScores, type RatingRow } from '../supervision.committees.repository.ts';
import type { Executor } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';

export interface RatingDimensionView {
  dimension: CommitteeDimension;
  scoreCenti: number | null;
  note: string;
  files: { id: string; name: string; mime: string; size: number }[];
}

export interface CommitteeRatingView {
  id: string;
  streetId: string;
  committeeId: string;
  committeeName: string;
  compoundId: string;
  period: string;
  status: CommitteeRatingStatus;
  raterName: string;
  scoreCenti: number | null;
  stars: number | null;
  /** The weights and star thresholds the submitted score was computed with. */
  settings: unknown;
  submittedAt: Date | null;
  dimensions: RatingDimensionView[];
  /** Whether the actor may still change it (a draft, a rater at its compound). */
  editable: boolean;
}

/** Ratings with their five dimensions (score, note, evidence) as the pages show them, in the order given. */
export async function ratingViews(db: Executor, ctx: Ctx, rows: (RatingRow & { path: string })[]): Promise<CommitteeRatingView[]> {
  if (rows.length === 0) return [];
  const streetId = rows[0]!.street_id;
  const ids = rows.map((r) => r.id);
  const [scores, files] = await Promise.all([ratingScores(db, streetId, ids), ratingFiles(db, streetId, ids)]);
  return rows.map((r) => ({
    id: r.id,
    streetId: r.street_id,
    committeeId: r.committee_id,
    committeeName: r.committee_name,
    compoundId: r.compound_id,
    period: r.period,
    status: r.status,
    raterName: r.rater_name,
    scoreCenti: r.score_centi,
    stars: r.stars,
    settings: r.settings,
    submittedAt: r.submitted_at,
    editable: r.status === 'draft' && allows(ctx.actor, 'committeesRate', r.path),
    dimensions: COMMITTEE_DIMENSIONS.map((d) => {
      const s = scores.find((x) => x.rating_id === r.id && x.dimension === d);
      return {
        dimension: d,
        scoreCenti: s?.score_centi ?? null,
        note: s?.note ?? '',
        files: files.filter((f) => f.rating_id === r.id && f.dimension === d).map((f) => ({ id: f.id, name: f.file_name, mime: f.mime, size: f.size_bytes })),
      };
    }),
  }));
}
