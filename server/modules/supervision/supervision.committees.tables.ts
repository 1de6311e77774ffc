import type { ColumnType } from 'kysely';
import type { CommitteeDimension, CommitteeRatingStatus } from './supervision.committees.constants.ts';

/** Kysely types of the committees part's tables (migration 0059). Scores are integer hundredths. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SupCommitteeSettingsTable {
  street_id: string;
  version: number;
  weights: Json<Record<CommitteeDimension, number>>;
  star_mins: Json<Record<'2' | '3' | '4' | '5', number>>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SupCommitteeRatingsTable {
  street_id: string;
  id: string;
  committee_id: string;
  committee_name: string;
  compound_id: string;
  period: string;
  status: CommitteeRatingStatus;
  rater_id: string;
  rater_name: string;
  created_at: Timestamp;
  score_centi: number | null;
  stars: number | null;
  settings: Json<unknown> | null;
  submitted_at: Date | null;
}

export interface SupCommitteeScoresTable {
  street_id: string;
  rating_id: string;
  dimension: CommitteeDimension;
  score_centi: number;
  note: string;
}

export interface SupCommitteeFilesTable {
  street_id: string;
  id: string;
  rating_id: string;
  dimension: CommitteeDimension;
  file_key: string;
  file_name: string;
  mime: string;
  size_bytes: number;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

/** Kysely types of the committees part's tables (its migration in migrations/). */
export interface CommitteesTables {
  sup_committee_settings: SupCommitteeSettingsTable;
  sup_committee_ratings: SupCommitteeRatingsTable;
  sup_committee_scores: SupCommitteeScoresTable;
  sup_committee_files: SupCommitteeFilesTable;
}
