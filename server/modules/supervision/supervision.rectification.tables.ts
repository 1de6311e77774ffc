import type { ColumnType, Generated } from 'kysely';
import type { EscalatedTo, IssuerLevel, NoticeEventKind, NoticeStatus } from './supervision.rectification.constants.ts';

/** Kysely types of the rectification part's tables (migration 0054). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A China day: read as 'YYYY-MM-DD' (the kernel's pg type parser), written as the same. */
type Day = ColumnType<string, string, string>;

export interface SupNoticeCountersTable {
  street_id: string;
  year: number;
  last_seq: number;
}

export interface SupNoticesTable {
  street_id: string;
  id: string;
  year: number;
  seq: number;
  no: string;
  place_id: string;
  compound_id: string;
  company_id: string;
  company_name: string;
  issuer_id: string;
  issuer_name: string;
  issuer_level: IssuerLevel;
  issuer_place_id: string;
  issuer_org: string;
  title: string;
  description: string;
  status: NoticeStatus;
  round: Generated<number>;
  deadline: Day;
  due_at: Timestamp;
  source_inspection_id: string | null;
  source_indicator_id: string | null;
  issued_at: Timestamp;
  responded_at: Date | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  escalated_to: EscalatedTo | null;
  first_overdue_at: Date | null;
  overdue_count: Generated<number>;
  closed_at: Date | null;
  closed_by: string | null;
  updated_at: Timestamp;
}

export interface SupNoticeEventsTable {
  street_id: string;
  id: string;
  notice_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string;
  kind: NoticeEventKind;
  round: number;
  note: Generated<string>;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface SupNoticeFilesTable {
  street_id: string;
  id: string;
  notice_id: string;
  round: number;
  stage: 'issue' | 'response';
  kind: 'photo' | 'document';
  file_key: string;
  file_name: Generated<string>;
  mime: string;
  size_bytes: number;
  source_file_id: string | null;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface RectificationTables {
  sup_notice_counters: SupNoticeCountersTable;
  sup_notices: SupNoticesTable;
  sup_notice_events: SupNoticeEventsTable;
  sup_notice_files: SupNoticeFilesTable;
}
