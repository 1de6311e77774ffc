import type { ColumnType, Generated } from 'kysely';
import type { AttachmentType, NoticeCategory, NoticeStatus } from './notices.constants.ts';

/** Kysely types of the notices module's own tables. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface NtcNoticesTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  category: NoticeCategory;
  title: string;
  body: string;
  issuer: string;
  publisher_kind: 'official' | 'property';
  status: ColumnType<NoticeStatus, NoticeStatus | undefined, NoticeStatus>;
  pinned: Generated<boolean>;
  /** 'YYYY-MM-DD' (Asia/Shanghai calendar days, inclusive). */
  valid_from: string;
  valid_until: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  published_by: string | null;
  published_by_name: string | null;
  /** When residents were notified (kernel/notify/): null while a published notice waits for its first valid day. */
  announced_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawn_by_name: string | null;
  withdraw_reason: string | null;
}

export interface NtcAttachmentsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  notice_id: string;
  file_key: string;
  name: string;
  mime: AttachmentType;
  size: number;
  created_by: string;
  created_at: Timestamp;
}

export interface NtcReadsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  notice_id: string;
  account_id: string;
  read_at: Timestamp;
}

export interface NoticesTables {
  ntc_notices: NtcNoticesTable;
  ntc_attachments: NtcAttachmentsTable;
  ntc_reads: NtcReadsTable;
}
