import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { PERIOD_PATTERN } from './supervision.constants.ts';
import {
  APPEAL_DAYS_MAX,
  APPEAL_DECISIONS,
  APPEAL_STATUSES,
  BASIS_MAX,
  EXTRA_INSPECTIONS_MAX,
  LIST_GRADES,
  LIST_KINDS,
  LIST_TEXT_MAX,
  MEASURE_KINDS,
} from './supervision.lists.constants.ts';

const Id = z.uuid();
const Period = z.string().regex(PERIOD_PATTERN, 'a quarter, e.g. 2026-Q4');
const Day = z.iso.date();
const Basis = z.string().trim().min(1).max(BASIS_MAX);
const Text = z.string().trim().min(1).max(LIST_TEXT_MAX);

export const StreetQuery = z.object({ streetId: Id });
export const StreetPeriodQuery = z.object({ streetId: Id, period: Period });
export type StreetPeriodQuery = z.infer<typeof StreetPeriodQuery>;

export const RulesBody = z
  .object({
    streetId: Id,
    redFrom: z.enum(LIST_GRADES),
    redBasis: Basis,
    blackFrom: z.enum(LIST_GRADES),
    blackBasis: Basis,
    appealDays: z.number().int().min(1).max(APPEAL_DAYS_MAX),
    measures: z
      .array(z.object({ kind: z.enum(MEASURE_KINDS), basis: Basis }).strict())
      .min(1)
      .max(MEASURE_KINDS.length),
  })
  .strict();
export type RulesBody = z.infer<typeof RulesBody>;

export const PublishBody = z.object({ streetId: Id, period: Period }).strict();
export type PublishBody = z.infer<typeof PublishBody>;

export const EntriesSort = sortable({ company: 'e.company_name', grade: ['e.score_centi'], list: 'e.list', period: 'p.period' }, { sort: 'grade', order: 'desc' }, 'e.id');
export const EntriesQuery = PageQuery.extend({
  streetId: Id.optional(),
  period: Period.optional(),
  list: z.enum(LIST_KINDS).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...EntriesSort.query,
});
export type EntriesQuery = z.infer<typeof EntriesQuery>;

export const AppealsSort = sortable({ submittedAt: 'a.submitted_at', company: 'e.company_name', period: 'p.period', status: 'a.status' }, { sort: 'submittedAt', order: 'desc' }, 'a.id');
export const AppealsQuery = PageQuery.extend({
  streetId: Id.optional(),
  status: z.enum(APPEAL_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...AppealsSort.query,
});
export type AppealsQuery = z.infer<typeof AppealsQuery>;

export const IdParams = z.object({ id: Id });
export const FileParams = z.object({ id: Id, fileId: Id });

/** The appeal's fields (JSON, or the text parts of a multipart form with its files). */
export const AppealFields = z.object({ reasons: Text }).strict();
export type AppealFields = z.infer<typeof AppealFields>;

export const DecideBody = z.object({ decision: z.enum(APPEAL_DECISIONS), reasons: Text }).strict();
export type DecideBody = z.infer<typeof DecideBody>;

/**
 * A measure: its kind and the fields its record needs (the use case says which are missing) — an interview its day
 * and attendees, more inspections how many and in which quarter, a rectification plan its due day; a note on any.
 * The basis is not sent: it is the clause the street's rules list for the kind.
 */
export const MeasureBody = z
  .object({
    kind: z.enum(MEASURE_KINDS),
    interviewOn: Day.optional(),
    attendees: Text.optional(),
    extraInspections: z.number().int().min(1).max(EXTRA_INSPECTIONS_MAX).optional(),
    inspectionPeriod: Period.optional(),
    planDue: Day.optional(),
    note: Text.optional(),
  })
  .strict();
export type MeasureBody = z.infer<typeof MeasureBody>;

export const PlanFields = z.object({ note: Text }).strict();
export type PlanFields = z.infer<typeof PlanFields>;
