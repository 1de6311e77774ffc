import type { Generated } from 'kysely';

/**
 * Kysely types of the grid module's own tables (migrations/0072_grid.sql and after). Every row carries its street,
 * the distribution key (docs/adr/0003-street-keys.md).
 */
export type FileSubject = 'event' | 'record' | 'case';
export type FileKind = 'photo' | 'document';
export type FileMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface GridFilesTable {
  street_id: string;
  id: string;
  subject_type: FileSubject;
  subject_id: string;
  place_id: string;
  kind: Generated<FileKind>;
  label: Generated<string>;
  file_key: string | null;
  mime: FileMime;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
  purged_at: Date | null;
}

// The parts add their tables below, each in its own block (events, collection, agency).

// events part: 网格事件 and 执法进小区 liaisons (migrations/0073_grid_events.sql).
export type LiaisonLine = 'police' | 'urban_management' | 'housing' | 'market' | 'fire';
export type EventBody = 'property' | 'committee' | LiaisonLine;
export type EventStatus = 'reported' | 'dispatched' | 'handling' | 'resolved' | 'closed' | 'dismissed';
export type EventUrgency = 'normal' | 'urgent';
export type EventLevel = 'community' | 'street';

export interface GridLiaisonsTable {
  street_id: string;
  id: string;
  department_id: string;
  department_name: string;
  line: LiaisonLine;
  compound_id: string;
  account_id: string;
  name: string;
  phone_masked: Generated<string>;
  from_on: string;
  until_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  ended_by: string | null;
}

export interface GridPatrolsTable {
  street_id: string;
  id: string;
  compound_id: string;
  patrol_on: string;
  liaison_ids: Generated<string[]>;
  findings: string;
  recorded_by: string | null;
  recorded_by_name: Generated<string>;
  created_at: Generated<Date>;
}

export interface GridEventsTable {
  street_id: string;
  id: string;
  place_id: string;
  compound_id: string;
  location: Generated<string>;
  category: string;
  description: string;
  urgency: Generated<EventUrgency>;
  status: Generated<EventStatus>;
  level: Generated<EventLevel>;
  body: EventBody | null;
  liaison_id: string | null;
  patrol_id: string | null;
  dispatched_at: Date | null;
  due_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
  overdue_escalated_at: Date | null;
  resolution_note: string | null;
  reporter_account_id: string | null;
  reporter_person_id: string | null;
  reporter_name: Generated<string>;
  reported_via: Generated<'staff' | 'resident'>;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GridEventStepsTable {
  street_id: string;
  id: string;
  event_id: string;
  kind: string;
  from_status: EventStatus | null;
  to_status: EventStatus;
  body: EventBody | null;
  liaison_id: string | null;
  actor_account_id: string | null;
  actor_name: string;
  note: string | null;
  at: Date;
}

export interface GridTables {
  grid_files: GridFilesTable;
  // The parts' tables, one line each:
  grid_liaisons: GridLiaisonsTable; // events part
  grid_patrols: GridPatrolsTable; // events part
  grid_events: GridEventsTable; // events part
  grid_event_steps: GridEventStepsTable; // events part
}
