import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { COMMITTEE_DIMENSIONS, type CommitteeDimension, COMMITTEE_NOTE_MAX } from './supervision.committees.constants.ts';
import { SCORE_MAX_CENTI } from './supervision.assessment.constants.ts';
import { CommitteeRatingsSort } from './use-cases/list-committee-ratings.ts';

const Id = z.uuid();
const Year = z.string().regex(/^\d{4}$/, 'a year, e.g. 2026');
const Centi = z.number().int().min(0).max(SCORE_MAX_CENTI);

const Weights = z.object(Object.fromEntries(COMMITTEE_DIMENSIONS.map((k) => [k, z.number().int().min(0).max(100)])) as Record<CommitteeDimension, z.ZodNumber>).strict();
const StarMins = z.object({ '2': Centi, '3': Centi, '4': Centi, '5': Centi }).strict();

export const CommitteeSettingsQuery = z.object({ streetId: Id });
export const CommitteeSettingsBody = z.object({ streetId: Id, weights: Weights, starMins: StarMins }).strict();
export type CommitteeSettingsBody = z.infer<typeof CommitteeSettingsBody>;

export const CommitteesQuery = z.object({ placeId: Id.optional(), period: Year });
export type CommitteesQuery = z.infer<typeof CommitteesQuery>;

export const CommitteeRatingsQuery = PageQuery.extend({
  placeId: Id.optional(),
  period: Year.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  stars: z.coerce.number().int().min(1).max(5).optional(),
  ...CommitteeRatingsSort.query,
});
export type CommitteeRatingsQuery = z.infer<typeof CommitteeRatingsQuery>;

export const StartRatingBody = z.object({ committeeId: Id, period: Year }).strict();
export type StartRatingBody = z.infer<typeof StartRatingBody>;

export const ScoreBody = z.object({ scoreCenti: Centi, note: z.string().trim().max(COMMITTEE_NOTE_MAX).default('') }).strict();
export type ScoreBody = z.infer<typeof ScoreBody>;

export const CommitteeParams = z.object({ committeeId: Id });
export const RatingParams = z.object({ id: Id });
export const DimensionParams = z.object({ id: Id, dimension: z.enum(COMMITTEE_DIMENSIONS) });
export const RatingFileParams = z.object({ id: Id, fileId: Id });
