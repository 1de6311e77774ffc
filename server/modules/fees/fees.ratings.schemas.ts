import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { RATING_COMMENT_MAX, RATING_MAX, RATING_MIN } from './fees.ratings.constants.ts';
import { RatingsSort } from './use-cases/list-ratings.ts';

const Id = z.uuid();
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Score = z.number().int().min(RATING_MIN).max(RATING_MAX);

/** An owner's rating of the property company for a month of a compound: five scores 1–5 and an optional comment. */
export const RateBody = z.object({
  compoundId: Id,
  period: Month,
  cleaning: Score,
  security: Score,
  repairs: Score,
  greenery: Score,
  attitude: Score,
  comment: z.string().trim().max(RATING_COMMENT_MAX).optional(),
});
export type RateBody = z.infer<typeof RateBody>;

const Range = { from: Month.optional(), to: Month.optional() };
const ordered = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;

export const RatingsQuery = PageQuery.extend({ placeId: Id.optional(), q: z.string().trim().min(1).max(50).optional(), ...Range, ...RatingsSort.query }).refine(ordered, {
  message: 'from must not be after to',
  path: ['from'],
});
export type RatingsQuery = z.infer<typeof RatingsQuery>;

export const RatingSummaryQuery = z.object({ placeId: Id.optional(), from: Month, to: Month }).refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type RatingSummaryQuery = z.infer<typeof RatingSummaryQuery>;
