import type { ColumnType } from 'kysely';
import type { Category, Channel, Period, Status } from './repairs.constants.ts';

/** Kysely types of the repairs module's own tables. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateStr = ColumnType<string | null, string | null | undefined, string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export interface RepOrdersTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  no: string;
  place_id: string;
  compound_id: string;
  community_id: string;
  company_id: string;
  category: Category;
  description: string;
  channel: Channel;
  status: Status;
  resident_person_id: string | null;
  reported_by: string;
  reporter_name: string;
  contact_name: string | null;
  contact_phone_enc: string | null;
  contact_phone_masked: string | null;
  preferred_date: DateStr;
  preferred_period: Period | null;
  reported_at: Timestamp;
  respond_by: Timestamp;
  complete_by: Timestamp;
  accepted_at: NullableTimestamp;
  assignee_id: string | null;
  assignee_name: string | null;
  dispatched_at: NullableTimestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  finish_note: string | null;
  close_by: NullableTimestamp;
  closed_at: NullableTimestamp;
  close_reason: 'rated' | 'auto' | 'answered' | null;
  return_reason: string | null;
  paid_service: ColumnType<boolean, boolean | undefined, boolean>;
  price_fen: number | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  overdue: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

export interface RepPhotosTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  order_id: string;
  place_id: string;
  stage: 'report' | 'finish';
  file_key: string;
  mime: string;
  size_bytes: number;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface RepEventsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  order_id: string;
  place_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: Status | null;
  to_status: Status | null;
  note: string | null;
  detail: Json;
}

export interface RepEscalationsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  order_id: string;
  place_id: string;
  community_id: string;
  committee_id: string | null;
  kind: 'response' | 'completion';
  due_at: Timestamp;
  escalated_at: Timestamp;
  supervised_at: NullableTimestamp;
  supervised_by: string | null;
  supervisor_name: string | null;
  supervision_note: string | null;
}

export interface RepSettingsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  place_id: string;
  auto_close_days: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface RepTimeLimitsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  place_id: string;
  category: Category;
  response_minutes: number;
  completion_minutes: number;
  updated_at: Timestamp;
}

export interface RepairsTables {
  rep_orders: RepOrdersTable;
  rep_photos: RepPhotosTable;
  rep_events: RepEventsTable;
  rep_escalations: RepEscalationsTable;
  rep_settings: RepSettingsTable;
  rep_time_limits: RepTimeLimitsTable;
}
