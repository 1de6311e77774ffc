import type { Generated } from 'kysely';

/** Kysely types of the deliberation module's own tables. */
export interface DeliberationRecordsTable {
  /** The street of the record's place: the distribution key (docs/adr/0003-street-keys.md). */
  street_id: string;
  id: string;
  place_id: string;
  title: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface DeliberationTables {
  dlb_records: DeliberationRecordsTable;
}
