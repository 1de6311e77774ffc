import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ConvenerKind, MeetingKind, MeetingStatus, OutcomeKind, ScheduleFrequency, SignInVia, Stance } from './meetings.constants.ts';

/** Kysely types of the joint meetings' tables (migrations/0041_meetings.sql). */

/** A file attached to a meeting (its minutes' scans, a sign-in sheet), in kernel.files under `key`. */
export interface MeetingAttachment {
  id: string;
  key: string;
  name: string;
  mime: string;
  size: number;
}

/** One position an attendee holds among the meeting's invited bodies (a person may hold several: 交叉任职). */
export interface AttendeePosition {
  bodyKey: string;
  organisationName: string;
  title: string;
}

export interface DlbMeetingSchedulesTable {
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  kind: MeetingKind;
  convener_kind: ConvenerKind;
  convener_org_id: string;
  bodies: string[];
  frequency: ScheduleFrequency;
  day: number;
  at_time: string;
  location: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DlbMeetingsTable {
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  kind: MeetingKind;
  convener_kind: ConvenerKind;
  convener_org_id: string;
  convener_name: string;
  starts_at: Date;
  location: string;
  status: Generated<MeetingStatus>;
  sign_in_token: string;
  minutes: string | null;
  minutes_public: Generated<boolean>;
  attachments: JSONColumnType<MeetingAttachment[], string | undefined, string>;
  schedule_id: string | null;
  occurrence: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  closed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export interface DlbMeetingBodiesTable {
  street_id: string;
  meeting_id: string;
  body_key: string;
  name: string;
  kind: string;
}

export interface DlbMeetingAttendeesTable {
  street_id: string;
  id: string;
  meeting_id: string;
  person_id: string | null;
  name: string;
  positions: JSONColumnType<AttendeePosition[], string | undefined, string>;
  added_by_hand: Generated<boolean>;
  signed_in_at: Date | null;
  signed_in_via: SignInVia | null;
  signed_in_by: string | null;
}

export interface DlbMeetingAgendaTable {
  street_id: string;
  meeting_id: string;
  item_id: string;
  seq: number;
  outcome_kind: OutcomeKind | null;
  outcome_text: string | null;
  outcome_at: Date | null;
  decision_id: string | null;
}

export interface DlbMeetingPositionsTable {
  street_id: string;
  meeting_id: string;
  item_id: string;
  body_key: string;
  stance: Stance;
  note: string | null;
}

export interface MeetingsTables {
  dlb_meeting_schedules: DlbMeetingSchedulesTable;
  dlb_meetings: DlbMeetingsTable;
  dlb_meeting_bodies: DlbMeetingBodiesTable;
  dlb_meeting_attendees: DlbMeetingAttendeesTable;
  dlb_meeting_agenda: DlbMeetingAgendaTable;
  dlb_meeting_positions: DlbMeetingPositionsTable;
}
