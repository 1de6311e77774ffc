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

export interface VolunteersTables {
  vol_volunteers: VolVolunteersTable;
  vol_point_accounts: VolPointAccountsTable;
  vol_points_ledger: VolPointsLedgerTable;
  vol_listings: VolListingsTable;
  vol_banned_words: VolBannedWordsTable;
  vol_listing_reports: VolListingReportsTable;
  vol_photos: VolPhotosTable;
  // The parts' tables, one line each:
  vol_loans: VolLoansTable; // lending
}
