import type { ColumnType, Generated } from 'kysely';
import type { EmergencyLevel, EmergencyPost, HouseholdStatus } from './grid.emergency.constants.ts';

type Day = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, string>, string | undefined, string>;

export interface EmergencyDeclarationsTable {
  street_id: string;
  id: string;
  place_id: string;
  level: EmergencyLevel;
  reason: string;
  status: Generated<'active' | 'ended'>;
  declared_by: string | null;
  declared_by_name: Generated<string>;
  declared_at: Date;
  ended_by: string | null;
  ended_by_name: Generated<string>;
  ended_at: Date | null;
  summary: Generated<string>;
  residents_notified: Generated<number>;
}

export interface EmergencyRostersTable {
  street_id: string;
  id: string;
  declaration_id: string;
  day: Day;
  post: EmergencyPost;
  account_id: string | null;
  person_id: string | null;
  name: string;
  phone_masked: Generated<string>;
  shift_start: string;
  shift_end: string;
  note: Generated<string>;
  created_at: Date;
}

export interface EmergencyScreeningsTable {
  street_id: string;
  id: string;
  declaration_id: string;
  questions: string[];
  created_by: string | null;
  created_at: Date;
}

export interface EmergencyHouseholdsTable {
  street_id: string;
  id: string;
  screening_id: string;
  room_id: string;
  building_id: string;
  building: Generated<string>;
  unit: Generated<string>;
  room: Generated<string>;
  seq: number;
  status: Generated<HouseholdStatus>;
  need: Generated<string>;
  answers: Json;
  claimed_by: string | null;
  claimed_name: Generated<string>;
  claimed_until: Date | null;
  marked_by: string | null;
  marked_name: Generated<string>;
  marked_at: Date | null;
}

export interface EmergencyHouseholdMarksTable {
  street_id: string;
  id: string;
  household_id: string;
  status: HouseholdStatus;
  need: Generated<string>;
  answers: Json;
  corrected: Generated<boolean>;
  note: Generated<string>;
  by_account: string | null;
  by_name: Generated<string>;
  at: Date;
}

export interface EmergencyAssignmentsTable {
  street_id: string;
  id: string;
  screening_id: string;
  building_id: string;
  account_id: string;
  kind: 'staff' | 'volunteer';
  visitor_name: string;
  assigned_at: Date;
}

export interface EmergencyCallupsTable {
  street_id: string;
  id: string;
  declaration_id: string;
  task: string;
  slots: number;
  taken: Generated<number>;
  meeting_point: Generated<string>;
  meet_at: Date;
  created_by: string | null;
  created_at: Date;
  notified: Generated<number>;
}

export interface EmergencyCallupAnswersTable {
  street_id: string;
  callup_id: string;
  person_id: string;
  account_id: string | null;
  name: string;
  answer: 'accepted' | 'declined';
  at: Date;
}

/**
 * Kysely types of the emergency part's tables: emergency mode, duty rosters, door-to-door screening, call-ups (migrations/0079_grid_emergency.sql). Every row carries its street, the distribution key.
 */
export interface EmergencyTables {
  grid_emergency_declarations: EmergencyDeclarationsTable;
  grid_emergency_rosters: EmergencyRostersTable;
  grid_emergency_screenings: EmergencyScreeningsTable;
  grid_emergency_households: EmergencyHouseholdsTable;
  grid_emergency_household_marks: EmergencyHouseholdMarksTable;
  grid_emergency_assignments: EmergencyAssignmentsTable;
  grid_emergency_callups: EmergencyCallupsTable;
  grid_emergency_callup_answers: EmergencyCallupAnswersTable;
}
