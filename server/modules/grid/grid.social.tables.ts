import type { ColumnType, Generated } from 'kysely';
import type { BudgetLine, FundingLine, OrgField, OrgRegistration, ProjectGrade, ReportStatus, RoundStatus, MilestoneStatus, FundingStatus, ScoreCriterion } from './grid.social.contract.ts';

type Json<T> = ColumnType<T, string, string>;

/**
 * Kysely types of the social part's tables: social organisations and 公益创投 rounds (migrations/0078_grid_social.sql). Every row carries its street, the distribution key.
 */
export interface SocialTables {
  grid_social_orgs: GridSocialOrgsTable;
  grid_venture_rounds: GridVentureRoundsTable;
  grid_venture_applications: GridVentureApplicationsTable;
  grid_venture_reviewers: GridVentureReviewersTable;
  grid_venture_scores: GridVentureScoresTable;
  grid_venture_fundings: GridVentureFundingsTable;
  grid_venture_milestones: GridVentureMilestonesTable;
  grid_venture_reports: GridVentureReportsTable;
}

export interface GridSocialOrgsTable {
  street_id: string;
  id: string;
  place_id: string;
  name: string;
  registration: OrgRegistration;
  field: OrgField;
  founded_on: string | null;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  people_count: Generated<number>;
  description: Generated<string>;
  active: Generated<boolean>;
  dissolved_at: Date | null;
  dissolved_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GridVentureRoundsTable {
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  year: number;
  pool_fen: number;
  cap_fen: number;
  opens_on: string;
  closes_on: string;
  status: Generated<RoundStatus>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface GridVentureApplicationsTable {
  street_id: string;
  id: string;
  round_id: string;
  no: number;
  org_id: string;
  title: string;
  field: OrgField;
  summary: Generated<string>;
  beneficiaries: Generated<string>;
  budget: Json<BudgetLine[]>;
  budget_fen: number;
  grant_fen: number | null;
  funded_at: Date | null;
  grade: ProjectGrade | null;
  grade_note: string | null;
  evaluated_at: Date | null;
  evaluated_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface GridVentureReviewersTable {
  street_id: string;
  round_id: string;
  account_id: string;
  name: string;
  affiliation_org_id: string | null;
  added_by: string | null;
  added_at: Generated<Date>;
}

export interface GridVentureScoresTable {
  street_id: string;
  round_id: string;
  application_id: string;
  account_id: string;
  criterion: ScoreCriterion;
  score: number;
  scored_at: Generated<Date>;
}

export interface GridVentureFundingsTable {
  street_id: string;
  id: string;
  round_id: string;
  status: Generated<FundingStatus>;
  lines: Json<FundingLine[]>;
  total_fen: number;
  proposed_by: string;
  proposed_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
}

export interface GridVentureMilestonesTable {
  street_id: string;
  id: string;
  application_id: string;
  seq: number;
  title: string;
  due_on: string;
  tranche_fen: number;
  status: Generated<MilestoneStatus>;
  accepted_at: Date | null;
}

export interface GridVentureReportsTable {
  street_id: string;
  id: string;
  milestone_id: string;
  application_id: string;
  note: string;
  status: Generated<ReportStatus>;
  submitted_by: string | null;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}
