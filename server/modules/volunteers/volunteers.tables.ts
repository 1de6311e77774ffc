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
  vol_green_plots: VolGreenPlotsTable; // green
  vol_green_adoptions: VolGreenAdoptionsTable; // green
  vol_green_care: VolGreenCareTable; // green
}
