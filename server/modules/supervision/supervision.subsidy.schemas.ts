import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { SCORE_MAX_CENTI } from './supervision.assessment.constants.ts';
import { PERIOD_PATTERN } from './supervision.constants.ts';
import { SUBSIDY_CAP_MAX_FEN, SUBSIDY_NOTE_MAX, SUBSIDY_OUTCOMES, SUBSIDY_RATE_MAX_FEN } from './supervision.subsidy.constants.ts';
import { SubsidyCompoundsSort } from './use-cases/list-subsidy-compounds.ts';

const Id = z.uuid();
const Period = z.string().regex(PERIOD_PATTERN, 'a quarter, e.g. 2026-Q4');

export const SubsidyStreetQuery = z.object({ streetId: Id });

export const SubsidyCompoundsQuery = PageQuery.extend({ placeId: Id.optional(), q: z.string().trim().min(1).max(50).optional(), ...SubsidyCompoundsSort.query });
export type SubsidyCompoundsQuery = z.infer<typeof SubsidyCompoundsQuery>;

export const SubsidyListingBody = z
  .object({ compoundId: Id, fromPeriod: Period, toPeriod: Period.nullable().optional(), note: z.string().trim().max(SUBSIDY_NOTE_MAX).optional() })
  .strict();
export type SubsidyListingBody = z.infer<typeof SubsidyListingBody>;

export const SubsidyPolicyBody = z
  .object({
    streetId: Id,
    fromPeriod: Period,
    thresholdCenti: z.number().int().min(0).max(SCORE_MAX_CENTI),
    rateFen: z.number().int().min(1).max(SUBSIDY_RATE_MAX_FEN),
    capFen: z.number().int().min(1).max(SUBSIDY_CAP_MAX_FEN),
    note: z.string().trim().max(SUBSIDY_NOTE_MAX).optional(),
  })
  .strict();
export type SubsidyPolicyBody = z.infer<typeof SubsidyPolicyBody>;

export const SubsidyQuarterQuery = PageQuery.extend({
  placeId: Id.optional(),
  period: Period,
  q: z.string().trim().min(1).max(50).optional(),
  outcome: z.enum(SUBSIDY_OUTCOMES).optional(),
  sort: z.enum(['compound', 'score', 'amount']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});
export type SubsidyQuarterQuery = z.infer<typeof SubsidyQuarterQuery>;

export const CompoundParams = z.object({ compoundId: Id });
