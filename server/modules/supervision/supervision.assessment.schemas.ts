import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { ASSESSMENT_INPUTS, type AssessmentInput, COLOURS, EVALUATION_COMMENT_MAX, EVALUATION_KINDS, SCORE_MAX_CENTI } from './supervision.assessment.constants.ts';
import { PERIOD_PATTERN } from './supervision.constants.ts';
import { AssessmentsSort } from './use-cases/list-assessments.ts';

const Id = z.uuid();
const Period = z.string().regex(PERIOD_PATTERN, 'a quarter, e.g. 2026-Q4');
const Centi = z.number().int().min(0).max(SCORE_MAX_CENTI);

/** The weights of the seven inputs (integers; they must add up to 100 — the use case says so in its refusal). */
const Weights = z.object(Object.fromEntries(ASSESSMENT_INPUTS.map((k) => [k, z.number().int().min(0).max(100)])) as Record<AssessmentInput, z.ZodNumber>).strict();
const Band = z.object({ colour: z.enum(COLOURS), from: Centi, to: Centi }).strict();

export const SettingsQuery = z.object({ streetId: Id });
export const SettingsBody = z.object({ streetId: Id, weights: Weights, bands: z.array(Band).min(1).max(COLOURS.length) }).strict();
export type SettingsBody = z.infer<typeof SettingsBody>;

export const EvaluationBody = z
  .object({ compoundId: Id, period: Period, kind: z.enum(EVALUATION_KINDS), scoreCenti: Centi, comment: z.string().trim().min(1).max(EVALUATION_COMMENT_MAX) })
  .strict();
export type EvaluationBody = z.infer<typeof EvaluationBody>;

export const StreetPeriodBody = z.object({ streetId: Id, period: Period }).strict();
export type StreetPeriodBody = z.infer<typeof StreetPeriodBody>;

export const ScopePeriodQuery = z.object({ placeId: Id.optional(), period: Period });
export type ScopePeriodQuery = z.infer<typeof ScopePeriodQuery>;

export const AssessmentsQuery = PageQuery.extend({
  placeId: Id.optional(),
  period: Period,
  q: z.string().trim().min(1).max(50).optional(),
  colour: z.enum([...COLOURS, 'none']).optional(),
  companyId: Id.optional(),
  ...AssessmentsSort.query,
});
export type AssessmentsQuery = z.infer<typeof AssessmentsQuery>;

export const CompoundPeriodParams = z.object({ period: Period, compoundId: Id });
