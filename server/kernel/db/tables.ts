import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the kernel's tables. Each module's are in its own `<name>.tables.ts`, and its code
 * sees the database as `KernelTables & <its tables>` (its `<name>.db.ts`, made by `moduleDatabase`),
 * so naming another module's table fails to type-check; scripts/check-boundaries.ts holds the same
 * rule for raw SQL.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type PlaceKind = 'city' | 'district' | 'street' | 'community' | 'grid' | 'compound' | 'building' | 'unit' | 'room';

/** A column of a view: read, never written (an insert or update naming it fails to type-check). */
type ViewColumn<T> = ColumnType<T, never, never>;

/**
 * The view `places`: the whole tree as readers see it — the regions above street level and each
 * street's own places (migration 0013). Writes go to `regions` or `street_places`, through
 * access/places.ts (insertPlace, renamePlace, deletePlace).
 */
export interface PlacesTable {
  id: ViewColumn<string>;
  parent_id: ViewColumn<string | null>;
  kind: ViewColumn<PlaceKind>;
  name: ViewColumn<string>;
  path: ViewColumn<string>;
  depth: ViewColumn<number>;
  /** The street the place is in (a street's is its own id); null for a region. */
  street_id: ViewColumn<string | null>;
  created_at: ViewColumn<Date>;
  updated_at: ViewColumn<Date>;
}
/** Cities and districts (a reference table). */
export interface RegionsTable {
  id: string;
  parent_id: string | null;
  kind: 'city' | 'district';
  name: string;
  path: string;
  depth: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
/** A street and the places below it (distributed by street): a street hangs under its region by `region_id`. */
export interface StreetPlacesTable {
  street_id: string;
  id: string;
  parent_id: string | null;
  region_id: string | null;
  kind: Exclude<PlaceKind, 'city' | 'district'>;
  name: string;
  path: string;
  depth: number;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface AccountsTable {
  id: string;
  username: string | null;
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  locale: Generated<string>;
  /** Elderly mode (适老化) on the resident H5, remembered for the account (migration 0027). */
  elderly: Generated<boolean>;
  disabled: Generated<boolean>;
  /** Set by an administrator's reset (temporary password), cleared by the account's own change (migration 0028). */
  must_change_password: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface AuthFailuresTable {
  identifier_hash: string;
  client_hash: string;
  at: Timestamp;
}
export interface AuthKnownClientsTable {
  identifier_hash: string;
  client_hash: string;
  last_success_at: Timestamp;
}
export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
export interface GrantsTable {
  id: string;
  account_id: string;
  role: string;
  place_id: string;
  created_at: Generated<Date>;
}
export interface AuditLogTable {
  seq: number;
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  place_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  detail: Json | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}
export interface ApprovalsTable {
  street_id: string;
  id: string;
  kind: string;
  place_id: string;
  summary: string;
  payload: Json;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  result: Json | null;
}

/** Notifications (migration 0019, kernel/notify/). */
export type NotifyChannel = 'inbox' | 'sms' | 'wechat';
export type NotifyStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped' | 'uncertain';
export interface NotifyBatchesTable {
  street_id: string;
  id: string;
  template: string;
  data: Json;
  place_id: string;
  subject_type: string | null;
  subject_id: string | null;
  urgent: boolean;
  channels: NotifyChannel[];
  recipients: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
}
export interface NotifyMessagesTable {
  street_id: string;
  id: string;
  batch_id: string;
  account_id: string;
  channel: NotifyChannel;
  status: Generated<NotifyStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  owner_instance: number | null;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  read_at: Timestamp | null;
  error: string | null;
}
export interface NotifySettingsTable {
  account_id: string;
  muted_channels: Generated<NotifyChannel[]>;
  quiet_start: number | null;
  quiet_end: number | null;
  wechat_openid: string | null;
  updated_at: Timestamp;
}
export interface NotifyWechatConsentsTable {
  account_id: string;
  template: string;
  remaining: number;
  updated_at: Timestamp;
}

export interface TasksTable {
  id: string;
  kind: string;
  place_id: string | null;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  result: Json | null;
  error: Json | null;
  created_by: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
  /** The app process running it (kernel/db/liveness.ts). */
  owner: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A figure's parts for a place and month (kernel/figures): the month-end job's, or an official's on-demand take. */
export interface FigureSnapshotsTable {
  street_id: string;
  figure_key: string;
  place_id: string;
  /** 'YYYY-MM', Asia/Shanghai. */
  period: string;
  numerator: number;
  denominator: number | null;
  /** The end (exclusive) of what was counted: the month's end, or the moment of an on-demand take. */
  counted_to: Timestamp;
  taken_at: Timestamp;
  /** The official who asked; null for the month-end job. */
  taken_by: string | null;
}

/** Payout statements (kernel/payouts, migration 0021): a statement per kind, payee and period. */
export interface PayoutStatementsTable {
  street_id: string;
  id: string;
  kind: string;
  payee_type: string;
  payee_id: string;
  payee_name: string;
  place_id: string;
  period: string;
  status: Generated<'draft' | 'reviewed' | 'approved' | 'paid' | 'closed'>;
  generated_at: Timestamp;
  generated_by: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  paid_by: string | null;
  paid_at: Timestamp | null;
  voucher_no: string | null;
  voucher_file_key: string | null;
  voucher_file_name: string | null;
  voucher_mime: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
}
/** A statement's line: never edited or deleted; a correction adds a reversing line. Money in fen. */
export interface PayoutLinesTable {
  street_id: string;
  id: string;
  statement_id: string;
  source_type: string;
  source_id: string;
  place_id: string;
  description: string;
  quantity: number;
  unit_fen: number;
  amount_fen: number;
  reverses_line_id: string | null;
  reason: string | null;
  created_at: Timestamp;
  created_by: string | null;
}
/** A backing record claimed once per kind (or per kind and period); `line_id` is the line paying it now. */
export interface PayoutSourcesTable {
  street_id: string;
  kind: string;
  source_type: string;
  source_id: string;
  /** The period, for a kind paying a record every period (`perPeriod`); 'once' for the others. */
  claim_period: string;
  line_id: string | null;
}

/** Consent to the privacy notice per account and version (migration 0025, kernel/privacy/). */
export interface PrivacyConsentsTable {
  account_id: string;
  version: string;
  sensitive: boolean;
  consented_at: Timestamp;
}

export interface KernelTables {
  schema_migrations: { version: string; applied_at: Generated<Date> };
  places: PlacesTable;
  regions: RegionsTable;
  street_places: StreetPlacesTable;
  accounts: AccountsTable;
  auth_failures: AuthFailuresTable;
  auth_known_clients: AuthKnownClientsTable;
  sessions: SessionsTable;
  grants: GrantsTable;
  audit_log: AuditLogTable;
  audit_head: { id: number; seq: number; hash: string };
  approvals: ApprovalsTable;
  tasks: TasksTable;
  notify_batches: NotifyBatchesTable;
  notify_messages: NotifyMessagesTable;
  notify_settings: NotifySettingsTable;
  notify_wechat_consents: NotifyWechatConsentsTable;
  figure_snapshots: FigureSnapshotsTable;
  payout_statements: PayoutStatementsTable;
  payout_lines: PayoutLinesTable;
  payout_sources: PayoutSourcesTable;
  privacy_consents: PrivacyConsentsTable;
}

