import type { Generated } from 'kysely';

/**
 * Kysely types of the volunteers module's own tables (migrations/0065_volunteers.sql and after). Every row carries its
 * street, the distribution key (docs/adr/0003-street-keys.md).
 */
export type VolunteerStatus = 'pending' | 'approved' | 'rejected' | 'suspended';
export type ListingKind = 'carpool' | 'secondhand' | 'tool' | 'book';
export type ListingStatus = 'open' | 'reserved' | 'given' | 'lent' | 'full' | 'closed';
export type LedgerSource = 'activity' | 'task' | 'redemption' | 'adjustment';
export type PhotoSubject = 'task' | 'listing' | 'care';

export interface VolVolunteersTable {
  street_id: string;
  id: string;
  person_id: string;
  person_name: string;
  place_id: string;
  skills: Generated<string[]>;
  availability: Generated<string>;
  phone_masked: Generated<string>;
  status: Generated<VolunteerStatus>;
  reject_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface VolPointAccountsTable {
  street_id: string;
  person_id: string;
  balance: Generated<number>;
  earned: Generated<number>;
  minutes: Generated<number>;
  updated_at: Generated<Date>;
}

export interface VolPointsLedgerTable {
  street_id: string;
  id: string;
  person_id: string;
  place_id: string;
  delta: number;
  minutes: Generated<number>;
  balance_after: number;
  source_kind: LedgerSource;
  source_id: string;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VolListingsTable {
  street_id: string;
  id: string;
  place_id: string;
  kind: ListingKind;
  title: string;
  body: Generated<string>;
  owner_person_id: string;
  owner_name: string;
  owner_account_id: string | null;
  carpool_role: 'offer' | 'seek' | null;
  route_from: string | null;
  route_to: string | null;
  departs_at: Date | null;
  seats: number | null;
  author: string | null;
  loan_days: number | null;
  status: Generated<ListingStatus>;
  hidden_at: Date | null;
  hidden_by: string | null;
  hidden_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface VolBannedWordsTable {
  street_id: string;
  id: string;
  word: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VolListingReportsTable {
  street_id: string;
  id: string;
  listing_id: string;
  reporter_person_id: string;
  reason: string;
  status: Generated<'open' | 'hidden' | 'dismissed'>;
  handled_by: string | null;
  handled_at: Date | null;
  created_at: Generated<Date>;
}

export interface VolPhotosTable {
  street_id: string;
  id: string;
  subject_type: PhotoSubject;
  subject_id: string;
  place_id: string;
  file_key: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

// The parts add their tables below, each in its own block (registry, activities, tasks, boards, lending, green).

// registry part (0066): teams, team members, rewards, redemptions.
export type RedemptionStatus = 'redeemed' | 'handed_over';
export interface VolTeamsTable {
  street_id: string;
  id: string;
  place_id: string;
  name: string;
  leader_volunteer_id: string | null;
  description: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface VolTeamMembersTable {
  street_id: string;
  team_id: string;
  volunteer_id: string;
  added_by: string | null;
  added_at: Generated<Date>;
}
export interface VolRewardsTable {
  street_id: string;
  id: string;
  place_id: string;
  name: string;
  description: Generated<string>;
  points: number;
  stock: number;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface VolRedemptionsTable {
  street_id: string;
  id: string;
  reward_id: string;
  reward_name: string;
  place_id: string;
  person_id: string;
  person_name: string;
  points: number;
  status: Generated<RedemptionStatus>;
  handed_by: string | null;
  handed_at: Date | null;
  created_at: Generated<Date>;
}
// end of the registry part's tables.

// activities part (migrations/0067_volunteers_activities.sql)
export type VolActivityStatus = 'published' | 'cancelled' | 'finished';
export interface VolActivitiesTable {
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  description: Generated<string>;
  venue: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  signed_up: Generated<number>;
  points_per_hour: number;
  skills: Generated<string[]>;
  status: Generated<VolActivityStatus>;
  cancel_reason: string | null;
  code_secret: string;
  reminded_at: Generated<Date | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface VolActivitySignupsTable {
  street_id: string;
  id: string;
  activity_id: string;
  volunteer_id: string;
  person_id: string;
  person_name: string;
  status: Generated<'signed_up' | 'cancelled'>;
  signed_in_at: Date | null;
  signed_in_via: 'code' | 'staff' | null;
  signed_out_at: Date | null;
  signed_out_via: 'code' | 'staff' | null;
  minutes: number | null;
  points: number | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
// end of the activities part

// ——— tasks part (任务抢单): migrations/0068_volunteers_tasks.sql ———
export type TaskStatus = 'open' | 'grabbed' | 'done' | 'confirmed' | 'cancelled';
export type TaskEventKind = 'posted' | 'grabbed' | 'given_back' | 'done' | 'returned' | 'confirmed' | 'cancelled';
export interface VolTasksTable {
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  description: Generated<string>;
  target: Generated<string>;
  points: number;
  minutes: number;
  deadline: Date;
  status: Generated<TaskStatus>;
  grabbed_person_id: string | null;
  grabbed_name: string | null;
  grabbed_account_id: string | null;
  grabbed_at: Date | null;
  done_at: Date | null;
  done_note: string | null;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  return_reason: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_by_name: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface VolTaskEventsTable {
  street_id: string;
  id: string;
  task_id: string;
  kind: TaskEventKind;
  actor_name: string;
  note: string | null;
  at: Date;
}
// ——— end of the tasks part ———

// --- boards part (0069_volunteers_boards.sql) ---
export type BoardRequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';
export interface VolBoardRequestsTable {
  street_id: string;
  id: string;
  listing_id: string;
  kind: 'carpool' | 'secondhand';
  requester_person_id: string;
  requester_name: string;
  requester_account_id: string | null;
  seats: number | null;
  message: Generated<string>;
  status: Generated<BoardRequestStatus>;
  decided_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
// --- end boards part ---

// lending part (migrations/0070_volunteers_lending.sql): the loans of tools and books.
export type LoanStatus = 'requested' | 'declined' | 'cancelled' | 'lent' | 'returned';
export interface VolLoansTable {
  street_id: string;
  id: string;
  listing_id: string;
  place_id: string;
  owner_person_id: string;
  borrower_person_id: string;
  borrower_name: string;
  borrower_account_id: string | null;
  note: Generated<string>;
  status: Generated<LoanStatus>;
  requested_at: Date;
  decided_at: Date | null;
  decline_reason: string | null;
  lent_on: string | null;
  due_on: string | null;
  returned_at: Date | null;
  reminded_on: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
// end of the lending part

// —— green part (认栽认养): migrations/0071_volunteers_green.sql ——
/** A calendar day, YYYY-MM-DD (a `date` column, read as text). */
type GreenDay = string;
export type GreenAdoptionStatus = 'pending' | 'active' | 'rejected' | 'withdrawn' | 'ended';
export type GreenCareKind = 'watering' | 'weeding' | 'planting' | 'fertilising' | 'pruning' | 'cleaning';

export interface VolGreenPlotsTable {
  street_id: string;
  id: string;
  place_id: string;
  name: string;
  /** Hundredths of a square metre. */
  area_centi: number;
  location: Generated<string>;
  description: Generated<string>;
  closed_at: Date | null;
  closed_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface VolGreenAdoptionsTable {
  street_id: string;
  id: string;
  plot_id: string;
  place_id: string;
  person_id: string;
  person_name: string;
  account_id: string | null;
  room_id: string | null;
  room_label: string | null;
  from_day: GreenDay;
  to_day: GreenDay;
  note: Generated<string>;
  status: Generated<GreenAdoptionStatus>;
  reject_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  ended_on: GreenDay | null;
  end_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface VolGreenCareTable {
  street_id: string;
  id: string;
  adoption_id: string;
  plot_id: string;
  place_id: string;
  kind: GreenCareKind;
  note: Generated<string>;
  person_id: string;
  person_name: string;
  created_by: string | null;
  created_at: Generated<Date>;
}
// —— end of the green part ——

export interface VolunteersTables {
  vol_volunteers: VolVolunteersTable;
  vol_point_accounts: VolPointAccountsTable;
  vol_points_ledger: VolPointsLedgerTable;
  vol_listings: VolListingsTable;
  vol_banned_words: VolBannedWordsTable;
  vol_listing_reports: VolListingReportsTable;
  vol_photos: VolPhotosTable;
  // The parts' tables, one line each:
  // registry part:
  vol_teams: VolTeamsTable;
  vol_team_members: VolTeamMembersTable;
  vol_rewards: VolRewardsTable;
  vol_redemptions: VolRedemptionsTable;
  vol_activities: VolActivitiesTable; // activities part
  vol_activity_signups: VolActivitySignupsTable; // activities part
  vol_tasks: VolTasksTable; // tasks part
  vol_task_events: VolTaskEventsTable; // tasks part
  vol_board_requests: VolBoardRequestsTable; // boards
  vol_loans: VolLoansTable; // lending
  vol_green_plots: VolGreenPlotsTable; // green
  vol_green_adoptions: VolGreenAdoptionsTable; // green
  vol_green_care: VolGreenCareTable; // green
}
