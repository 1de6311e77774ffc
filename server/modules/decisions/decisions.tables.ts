import type { ColumnType } from 'kysely';
import type { Choice } from './tally.ts';

/** Kysely types of the decisions module's own tables (migration 0030). */
type Json<T> = ColumnType<T, string, string>;
type DateStr = ColumnType<string | null, string | null | undefined, string | null>;
type BigIntNumber = ColumnType<number, number, number>;

export type RulesStatus = 'draft' | 'confirmed' | 'in_force' | 'superseded';
export type DecisionStatus = 'draft' | 'roll_published' | 'open' | 'closed' | 'published';
export type OrganiserKind = 'owners_committee' | 'preparatory_group' | 'residents_committee';

export interface DecRulesTable {
  street_id: string;
  id: string;
  compound_id: string;
  version: number;
  title: string;
  status: RulesStatus;
  settings: Json<unknown>;
  created_by: string | null;
  created_at: Date;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: Date | null;
  in_force_at: Date | null;
  superseded_at: Date | null;
}
export interface DecDecisionsTable {
  street_id: string;
  id: string;
  place_id: string;
  compound_id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  organiser_kind: OrganiserKind;
  organiser_authority: string;
  status: DecisionStatus;
  voting_days: number;
  objection_until: DateStr;
  opens_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closes_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  extended_days: ColumnType<number, number | undefined, number>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  rules_id: ColumnType<string | null, string | null | undefined, string | null>;
  rules: ColumnType<unknown, string | null | undefined, string | null>;
  roll_version: ColumnType<number, number | undefined, number>;
  roll_published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  total_area_centi: ColumnType<number | null, number | null | undefined, number | null>;
  total_heads: ColumnType<number | null, number | null | undefined, number | null>;
  scrutineer_ids: ColumnType<string[], string[] | undefined, string[]>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
/** A document of an item (a plan, a quote, a budget): the file store's key, kept in the item's row. */
export interface ItemAttachment {
  id: string;
  key: string;
  name: string;
  mime: string;
  size: number;
}
export interface DecItemsTable {
  street_id: string;
  decision_id: string;
  no: number;
  title: string;
  matter: number;
  legal_basis: string;
  description: ColumnType<string, string | undefined, string>;
  attachments: ColumnType<ItemAttachment[], string | undefined, string>;
}
export interface DecRollEntriesTable {
  street_id: string;
  id: string;
  decision_id: string;
  no: number;
  kind: 'owners' | 'developer';
  area_centi: BigIntNumber;
  person_ids: ColumnType<string[], string[] | undefined, string[]>;
  organisation_ids: ColumnType<string[], string[] | undefined, string[]>;
  representative_id: string | null;
  label: string;
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface DecRollPartsTable {
  street_id: string;
  decision_id: string;
  room_id: string;
  entry_id: string;
  area_centi: BigIntNumber;
  area_source: string;
  use: string;
  room_label: string;
  delivered: boolean;
}
export interface DecDeliveriesTable {
  street_id: string;
  decision_id: string;
  entry_id: string;
  account_id: string;
  channel: 'h5';
  opened_at: Date;
}
export interface DecBallotsTable {
  street_id: string;
  id: string;
  decision_id: string;
  entry_id: string;
  account_id: string | null;
  channel: 'online';
  choices: Json<Record<string, Choice>>;
  status: 'counted' | 'superseded';
  superseded_by: ColumnType<string | null, string | null | undefined, string | null>;
  request_key: string;
  cast_at: Date;
}
export interface DecInspectionsTable {
  street_id: string;
  id: string;
  decision_id: string;
  account_id: string;
  reason: string;
  created_at: Date;
}
export interface DecObjectionsTable {
  street_id: string;
  id: string;
  decision_id: string;
  account_id: string;
  text: string;
  status: 'open' | 'answered';
  answer: string | null;
  created_at: Date;
  answered_at: Date | null;
}

/** 扫楼: a visit to an owner who has not voted (migration 0032). */
export type VisitOutcome = 'voted_paper' | 'will_vote_online' | 'refused' | 'away' | 'wrong_contact';
export interface DecVisitsTable {
  street_id: string;
  id: string;
  decision_id: string;
  entry_id: string;
  outcome: VisitOutcome;
  note: ColumnType<string, string | undefined, string>;
  visited_by: string;
  visited_at: Date;
}

export interface DecisionsTables {
  dec_rules: DecRulesTable;
  dec_decisions: DecDecisionsTable;
  dec_items: DecItemsTable;
  dec_roll_entries: DecRollEntriesTable;
  dec_roll_parts: DecRollPartsTable;
  dec_deliveries: DecDeliveriesTable;
  dec_ballots: DecBallotsTable;
  dec_inspections: DecInspectionsTable;
  dec_objections: DecObjectionsTable;
  dec_visits: DecVisitsTable;
}
