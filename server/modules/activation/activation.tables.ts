import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the activation module's own tables. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ClaimStatus = 'activated' | 'pending' | 'approved' | 'rejected' | 'superseded';
export type ClaimReason = 'no_person_named' | 'name_ambiguous' | 'id_mismatch' | 'no_id_on_record' | 'person_linked_elsewhere' | 'room_paused';
export type ClaimMethod = 'room' | 'code';

/** What a one-time code is for (migration 0028): each purpose has its own throttle and its own open code. */
export type OtpPurpose = 'signup' | 'reset' | 'ballot';
export interface ActOtpsTable {
  id: string;
  phone_hash: string;
  purpose: OtpPurpose;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  attempts: Generated<number>;
  consumed_at: NullableTimestamp;
}
export interface ActClaimAttemptsTable {
  id: string;
  account_id: string;
  place_id: string | null;
  at: Timestamp;
  outcome: 'activated' | 'pending' | 'failed';
}
export interface ActClaimsTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  account_id: string;
  place_id: string;
  method: ClaimMethod;
  claimed_name: string;
  id_last4: string | null;
  status: ClaimStatus;
  reason: ClaimReason | null;
  candidate_person_id: string | null;
  linked_person_id: string | null;
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
}
export interface ActHouseholdCodesTable {
  /** The street the row belongs to: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  place_id: string;
  code: string;
  created_at: Timestamp;
  created_by: string;
}

export interface ActivationTables {
  act_otps: ActOtpsTable;
  act_claim_attempts: ActClaimAttemptsTable;
  act_claims: ActClaimsTable;
  act_household_codes: ActHouseholdCodesTable;
}
