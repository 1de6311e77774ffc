import type { ColumnType } from 'kysely';
import type { Addressee, OpinionKind, OpinionStatus, Visibility } from './opinions.constants.ts';

/** Kysely types of the opinions module's own tables. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OpOpinionsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  room_id: string;
  author_person_id: string;
  author_account_id: string;
  author_name: string;
  visibility: Visibility;
  addressee: Addressee;
  addressee_org_id: string | null;
  addressee_name: string | null;
  kind: OpinionKind;
  title: string;
  body: string;
  status: ColumnType<OpinionStatus, OpinionStatus | undefined, OpinionStatus>;
  answer: string | null;
  answered_at: NullableTimestamp;
  answered_by: string | null;
  answered_by_name: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  hidden_at: NullableTimestamp;
  hidden_by: string | null;
  hidden_by_name: string | null;
  hidden_reason: string | null;
  promoted_at: NullableTimestamp;
  promoted_by: string | null;
  promoted_by_name: string | null;
  promotion_note: string | null;
  deliberation_ref: string | null;
  /** What another module's record the opinion is about (migration 0051): all four or none. */
  subject_module: ColumnType<string | null, string | null | undefined, string | null>;
  subject_type: ColumnType<string | null, string | null | undefined, string | null>;
  subject_id: ColumnType<string | null, string | null | undefined, string | null>;
  subject_label: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OpMeTooTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  opinion_id: string;
  person_id: string;
  account_id: string;
  created_at: Timestamp;
}

export interface OpinionsTables {
  op_opinions: OpOpinionsTable;
  op_me_too: OpMeTooTable;
}
