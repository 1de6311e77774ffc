import type { ColumnType } from 'kysely';

/** Kysely types of the subsidy part's tables (migration 0060). Money in fen, scores in hundredths. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SupSubsidyCompoundsTable {
  street_id: string;
  compound_id: string;
  from_period: string;
  to_period: string | null;
  note: string;
  listed_by: string | null;
  listed_at: Timestamp;
}

export interface SupSubsidyPoliciesTable {
  street_id: string;
  from_period: string;
  threshold_centi: number;
  rate_fen: number;
  cap_fen: number;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
}

/** Kysely types of the subsidy part's tables (its migration in migrations/). */
export interface SubsidyTables {
  sup_subsidy_compounds: SupSubsidyCompoundsTable;
  sup_subsidy_policies: SupSubsidyPoliciesTable;
}
