import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the party module's own tables (migrations/0063_party.sql and after). Every row carries its street,
 * the distribution key (docs/adr/0003-street-keys.md). Dates are China calendar days as 'YYYY-MM-DD'.
 */
type Day = ColumnType<string, string, string>;
type DayOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type Status = 'pending' | 'confirmed' | 'rejected' | 'withdrawn';

export interface PtyMembersTable {
  street_id: string;
  id: string;
  person_id: string;
  person_name: string;
  place_id: string;
  membership: 'local' | 'employed';
  branch_id: string | null;
  workplace_org_id: string | null;
  joined_on: Day;
  badge_public: Generated<boolean>;
  badge_changed_at: Date | null;
  status: Generated<'active' | 'left'>;
  left_on: DayOrNull;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PtyBranchHostsTable {
  street_id: string;
  branch_id: string;
  host_org_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface PtyOrgReportsTable {
  street_id: string;
  id: string;
  organisation_id: string;
  organisation_name: string;
  community_id: string;
  status: Status;
  contact_name: string;
  contact_phone: string;
  note: Generated<string>;
  reported_by: string | null;
  reported_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface PtyMemberReportsTable {
  street_id: string;
  id: string;
  member_id: string;
  community_id: string;
  status: Status;
  skills: Generated<string>;
  note: Generated<string>;
  reported_by: string | null;
  reported_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface PtyProjectsTable {
  street_id: string;
  id: string;
  community_id: string;
  place_id: string;
  kind: Generated<'standing'>;
  title: string;
  description: Generated<string>;
  status: Generated<'open' | 'closed'>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PtyPostsTable {
  street_id: string;
  id: string;
  project_id: string;
  title: string;
  description: Generated<string>;
  slots: number;
  points_per_hour: Generated<number>;
  status: Generated<'open' | 'closed'>;
  created_at: Generated<Date>;
}

export interface PtyOrgClaimsTable {
  street_id: string;
  id: string;
  organisation_id: string;
  project_id: string;
  year: number;
  claimed_by: string | null;
  claimed_at: Generated<Date>;
}

export interface PtyMemberClaimsTable {
  street_id: string;
  id: string;
  member_id: string;
  project_id: string;
  post_id: string | null;
  year: number;
  status: Generated<'active' | 'withdrawn'>;
  claimed_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export interface PtyServicesTable {
  street_id: string;
  id: string;
  member_id: string;
  claim_id: string;
  served_on: Day;
  minutes: number;
  points: number;
  note: Generated<string>;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface PtyLettersTable {
  street_id: string;
  id: string;
  kind: 'annual' | 'admonition';
  community_id: string;
  organisation_id: string;
  organisation_name: string;
  year: number | null;
  member_id: string | null;
  subject: string;
  body: ColumnType<unknown, string | undefined, string>;
  status: 'draft' | 'pending_approval' | 'sent' | 'rejected';
  approval_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

// The stations and activities parts add their tables below (migration 0064).

/** {days: 1..7 (Monday = 1), opens, closes} — a station's opening hours. */
export interface StationHours {
  days: number[];
  opens: string;
  closes: string;
}

export interface PtyStationsTable {
  street_id: string;
  id: string;
  compound_id: string;
  community_id: string | null;
  name: string;
  address: string;
  hours: ColumnType<StationHours[], string, string>;
  services: ColumnType<string[], string, string>;
  phone: string;
  status: Generated<'open' | 'closed'>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PtyStationShiftsTable {
  street_id: string;
  id: string;
  station_id: string;
  day: Day;
  starts: string;
  ends: string;
  person_id: string | null;
  person_name: string;
  duty_role: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type ActivityKind = 'theme_day' | 'study' | 'org_life' | 'volunteer';

export interface PtyActivitiesTable {
  street_id: string;
  id: string;
  branch_id: string;
  branch_name: string;
  place_id: string;
  community_id: string;
  kind: ActivityKind;
  title: string;
  starts_at: Date;
  ends_at: Date;
  venue: string;
  agenda: Generated<string>;
  include_reported: Generated<boolean>;
  status: Generated<'scheduled' | 'cancelled'>;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  code: string | null;
  code_opened_at: Date | null;
  code_expires_at: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PtyActivityAttendeesTable {
  street_id: string;
  id: string;
  activity_id: string;
  member_id: string;
  person_id: string;
  person_name: string;
  membership: 'local' | 'employed';
  status: Generated<'invited' | 'present' | 'excused'>;
  via: 'code' | 'staff' | null;
  signed_in_at: Date | null;
  excuse_reason: string | null;
  marked_by: string | null;
}

export interface PartyTables {
  pty_members: PtyMembersTable;
  pty_branch_hosts: PtyBranchHostsTable;
  pty_org_reports: PtyOrgReportsTable;
  pty_member_reports: PtyMemberReportsTable;
  pty_projects: PtyProjectsTable;
  pty_posts: PtyPostsTable;
  pty_org_claims: PtyOrgClaimsTable;
  pty_member_claims: PtyMemberClaimsTable;
  pty_services: PtyServicesTable;
  pty_letters: PtyLettersTable;
  pty_stations: PtyStationsTable;
  pty_station_shifts: PtyStationShiftsTable;
  pty_activities: PtyActivitiesTable;
  pty_activity_attendees: PtyActivityAttendeesTable;
}
