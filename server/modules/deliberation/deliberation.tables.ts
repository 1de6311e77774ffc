import type { ColumnType, Generated } from 'kysely';
import type { ItemStage, SourceKind } from './deliberation.constants.ts';
import type { ExecutionTables } from './execution.tables.ts';
import type { MeetingsTables } from './meetings.tables.ts';

/** Kysely types of the deliberation module's own tables (migration 0039; meetings in meetings.tables.ts). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export interface DlbSettingsTable {
  street_id: string;
  place_id: string;
  support_threshold: number;
  rating_days: number;
  min_ratings: number;
  reopen_below_centi: number;
  poor_share_percent: number;
  poor_score_max: number;
  max_reopens: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface DlbItemsTable {
  street_id: string;
  id: string;
  place_id: string;
  code: string;
  title: string;
  description: Generated<string>;
  source_kind: SourceKind;
  stage: ItemStage;
  supporter_count: Generated<number>;
  listed_at: Date | null;
  rejected_reason: string | null;
  merged_into: string | null;
  decision_text: string | null;
  decision_id: string | null;
  vote_outcome: 'passed' | 'failed' | null;
  progress_percent: Generated<number>;
  reopen_count: Generated<number>;
  rating_round: Generated<number>;
  rating_opens_at: Date | null;
  rating_closes_at: Date | null;
  is_public: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DlbItemSourcesTable {
  street_id: string;
  id: string;
  item_id: string;
  kind: SourceKind;
  ref_id: string | null;
  label: Generated<string>;
  original_item_id: string;
  added_at: Timestamp;
}

export interface DlbSupportersTable {
  street_id: string;
  item_id: string;
  room_id: string;
  account_id: string | null;
  via: 'direct' | 'opinion' | 'merge';
  created_at: Timestamp;
}

export interface DlbEventsTable {
  street_id: string;
  id: string;
  item_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  kind: string;
  stage_from: ItemStage | null;
  stage_to: ItemStage | null;
  note: Generated<string>;
  detail: Json<Record<string, unknown>>;
}

export interface DlbTasksTable {
  street_id: string;
  id: string;
  item_id: string;
  no: number;
  title: string;
  organisation_id: string | null;
  organisation_name: string;
  responsible_person_id: string | null;
  responsible_name: string;
  /** A date (YYYY-MM-DD) in Asia/Shanghai. */
  deadline: ColumnType<string, string, string>;
  budget_fen: ColumnType<number, number | undefined, number>;
  progress_percent: Generated<number>;
  done_at: Date | null;
  escalated_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DlbTaskUpdatesTable {
  street_id: string;
  id: string;
  task_id: string;
  item_id: string;
  progress_percent: number;
  note: Generated<string>;
  photo_ids: ColumnType<string[], string[] | undefined, string[]>;
  by_account: string | null;
  by_name: string;
  at: Date;
}

export interface DlbSupervisionNotesTable {
  street_id: string;
  id: string;
  item_id: string;
  text: string;
  is_public: Generated<boolean>;
  by_account: string | null;
  by_name: string;
  at: Date;
}

export interface DlbRatingsTable {
  street_id: string;
  item_id: string;
  round: number;
  room_id: string;
  account_id: string;
  score: number;
  comment: Generated<string>;
  at: Date;
}

export interface DlbCodeCountersTable {
  street_id: string;
  year: number;
  last: number;
}

export interface DeliberationTables extends ExecutionTables, MeetingsTables {
  dlb_settings: DlbSettingsTable;
  dlb_items: DlbItemsTable;
  dlb_item_sources: DlbItemSourcesTable;
  dlb_supporters: DlbSupportersTable;
  dlb_events: DlbEventsTable;
  dlb_tasks: DlbTasksTable;
  dlb_task_updates: DlbTaskUpdatesTable;
  dlb_supervision_notes: DlbSupervisionNotesTable;
  dlb_ratings: DlbRatingsTable;
  dlb_code_counters: DlbCodeCountersTable;
}
