import type { ColumnType } from 'kysely';
import type { AssessmentPeriodStatus, Colour, EvaluationKind } from './supervision.assessment.constants.ts';

/** Kysely types of the assessment part's tables (migration 0055). Scores are integer hundredths. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SupAssessmentSettingsTable {
  street_id: string;
  version: number;
  weights: Json<Record<string, number>>;
  bands: Json<{ colour: Colour; from: number; to: number }[]>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SupEvaluationsTable {
  street_id: string;
  compound_id: string;
  period: string;
  kind: EvaluationKind;
  score_centi: number;
  comment: string;
  evaluator_id: string;
  evaluator_name: string;
  updated_at: Timestamp;
}

export interface SupAssessmentPeriodsTable {
  street_id: string;
  period: string;
  status: AssessmentPeriodStatus;
  settings_version: number;
  settings: Json<unknown>;
  computed_at: Timestamp;
  computed_by: string | null;
  approval_id: string | null;
  requested_by: string | null;
  published_at: Date | null;
  published_by: string | null;
}

export interface SupAssessmentsTable {
  street_id: string;
  period: string;
  compound_id: string;
  company_id: string;
  company_name: string;
  rooms: number;
  score_centi: number | null;
  colour: Colour | null;
  partial: boolean;
  breakdown: Json<unknown>;
  computed_at: Timestamp;
}

/** Kysely types of the assessment part's tables (its migration). */
export interface AssessmentTables {
  sup_assessment_settings: SupAssessmentSettingsTable;
  sup_evaluations: SupEvaluationsTable;
  sup_assessment_periods: SupAssessmentPeriodsTable;
  sup_assessments: SupAssessmentsTable;
}
