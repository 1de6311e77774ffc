import type { ColumnType } from 'kysely';
import type { ApplicationStatus, RecipientKind, StarMinimums, StarRewards, StarType } from './supervision.stars.constants.ts';

/** Kysely types of the stars part's tables (migration 0058). Scores in hundredths, money in fen. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** bigint columns: the kernel parses int8 to number (fen stay far below 2^53). */
type Fen = number;

export interface SupStarSettingsTable {
  street_id: string;
  version: number;
  minimums: Json<StarMinimums>;
  rewards: Json<StarRewards>;
  company_max_percent: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SupStarApplicationsTable {
  street_id: string;
  id: string;
  compound_id: string;
  period: string;
  level: number;
  stars_before: number;
  note: ColumnType<string, string | undefined, string>;
  status: ApplicationStatus;
  applicant_id: string | null;
  applicant_name: string;
  applied_at: Timestamp;
  assessor_id: string | null;
  assessor_name: string | null;
  assigned_at: Date | null;
  inspection_id: string | null;
  score_centi: number | null;
  stars: number | null;
  approval_id: string | null;
  requested_by: string | null;
  requested_at: Date | null;
  confirmed_at: Date | null;
}

export interface SupCompoundStarsTable {
  street_id: string;
  id: string;
  compound_id: string;
  application_id: string;
  period: string;
  stars: number;
  type: StarType;
  score_centi: number;
  confirmed_at: Timestamp;
  confirmed_by: string | null;
}

export interface SupStarRewardsTable {
  street_id: string;
  id: string;
  application_id: string;
  compound_id: string;
  from_stars: number;
  to_stars: number;
  amount_fen: Fen;
  company_max_percent: number;
  created_at: Timestamp;
  allocated_at: Date | null;
  allocated_by: string | null;
}

export interface SupStarRewardLinesTable {
  street_id: string;
  id: string;
  reward_id: string;
  position: number;
  recipient_kind: RecipientKind;
  organisation_id: string | null;
  recipient_name: string;
  amount_fen: Fen;
  purpose: string;
}

export interface StarsTables {
  sup_star_settings: SupStarSettingsTable;
  sup_star_applications: SupStarApplicationsTable;
  sup_compound_stars: SupCompoundStarsTable;
  sup_star_rewards: SupStarRewardsTable;
  sup_star_reward_lines: SupStarRewardLinesTable;
}
