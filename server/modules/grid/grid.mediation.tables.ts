import type { Generated } from 'kysely';
import type { MediationCaseStatus, MediationCategory, MediationLevel, MediationReferral, MediationSource, MediatorTitle, PartyRole } from './grid.mediation.constants.ts';

/**
 * Kysely types of the mediation part's tables: 人民调解: committees, mediators, cases, parties, assignments, sessions,
 * follow-ups and the timeline (migrations/0077_grid_mediation.sql). Every row carries its street, the distribution key.
 */
export interface MediationTables {
  grid_mediation_committees: GridMediationCommitteesTable;
  grid_mediators: GridMediatorsTable;
  grid_mediation_cases: GridMediationCasesTable;
  grid_mediation_parties: GridMediationPartiesTable;
  grid_mediation_assignments: GridMediationAssignmentsTable;
  grid_mediation_sessions: GridMediationSessionsTable;
  grid_mediation_followups: GridMediationFollowupsTable;
  grid_mediation_steps: GridMediationStepsTable;
}

export interface GridMediationCommitteesTable {
  street_id: string;
  id: string;
  place_id: string;
  level: MediationLevel;
  name: string;
  created_at: Generated<Date>;
}

export interface GridMediatorsTable {
  street_id: string;
  id: string;
  committee_id: string;
  account_id: string;
  name: string;
  title: MediatorTitle;
  from_on: string;
  until_on: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface GridMediationCasesTable {
  street_id: string;
  id: string;
  no: string;
  committee_id: string;
  level: Generated<MediationLevel>;
  place_id: string;
  community_id: string;
  source: MediationSource;
  source_ref: string | null;
  source_title: Generated<string>;
  category: MediationCategory;
  summary: string;
  status: Generated<MediationCaseStatus>;
  applicant_person_id: string | null;
  opened_by: string | null;
  opened_at: Date;
  accepted_at: Date | null;
  due_at: Date | null;
  overdue_at: Date | null;
  escalated_at: Date | null;
  closed_at: Date | null;
  decline_reason: string | null;
  referral: MediationReferral | null;
  failure_note: string | null;
  agreement_terms: string | null;
  agreed_at: Date | null;
  signed_on: string | null;
  confirmation_court: string | null;
  confirmation_applied_on: string | null;
  confirmation_outcome: 'confirmed' | 'rejected' | null;
  confirmation_on: string | null;
  confirmation_note: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GridMediationPartiesTable {
  street_id: string;
  id: string;
  case_id: string;
  seq: number;
  name: string;
  role: PartyRole;
  phone_enc: string | null;
  phone_masked: string | null;
  room: Generated<string>;
}

export interface GridMediationAssignmentsTable {
  street_id: string;
  case_id: string;
  mediator_id: string;
  account_id: string;
  assigned_at: Generated<Date>;
}

export interface GridMediationSessionsTable {
  street_id: string;
  id: string;
  case_id: string;
  held_on: string;
  location: Generated<string>;
  attendees: Generated<string>;
  notes: string;
  by_account: string | null;
  created_at: Generated<Date>;
}

export interface GridMediationFollowupsTable {
  street_id: string;
  id: string;
  case_id: string;
  visited_on: string;
  visitor: string;
  performed: boolean;
  note: Generated<string>;
  created_at: Generated<Date>;
}

export interface GridMediationStepsTable {
  street_id: string;
  id: string;
  case_id: string;
  step: MediationStep;
  note: Generated<string>;
  at: Date;
  by_account: string | null;
  by_name: Generated<string>;
}

export type MediationStep =
  | 'opened'
  | 'assigned'
  | 'accepted'
  | 'declined'
  | 'session'
  | 'agreed'
  | 'failed'
  | 'escalated'
  | 'signed'
  | 'confirmation_applied'
  | 'confirmation_outcome'
  | 'followup'
  | 'overdue';
