import type { ColumnType } from 'kysely';
import type { Choice } from './tally.ts';

/** Kysely types of the decisions module's own tables (migration 0030). */
type Json<T> = ColumnType<T, string, string>;
type DateStr = ColumnType<string | null, string | null | undefined, string | null>;
type BigIntNumber = ColumnType<number, number, number>;

export type RulesStatus = 'draft' | 'confirmed' | 'in_force' | 'superseded';
export type DecisionStatus = 'draft' | 'roll_published' | 'open' | 'closed' | 'published';
/** general: items voted for/against; election: an owners' committee election, its items the vetted candidates; elevator: a stairwell's retrofit with cost shares. */
export type DecisionKind = 'general' | 'election' | 'elevator';
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
  kind: ColumnType<DecisionKind, DecisionKind | undefined, DecisionKind>;
  /** A run-off or by-election: the election it completes. */
  parent_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Drafted by another module's procedure (migration 0042): 'deliberation' and its item. */
  source_module: ColumnType<'deliberation' | null, 'deliberation' | null | undefined, 'deliberation' | null>;
  source_id: ColumnType<string | null, string | null | undefined, string | null>;
  source_label: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Sealed at opening (Decisions 3/4): what the owners vote on, whose hash starts the ballots' chain. */
  manifest: ColumnType<unknown, string | null | undefined, string | null>;
  manifest_hash: ColumnType<string | null, string | null | undefined, string | null>;
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
/** Where a ballot came from: the owner online, a paper sheet entered by staff, or the owner's proxy (on the owner's sheet). */
export type BallotChannel = 'online' | 'paper' | 'proxy';
/**
 * counted — in the tally; superseded — an online ballot changed later; entered / mismatched — a paper ballot
 * waiting for (or failed) its second user's check; held — checked, waiting for the proxy's power of attorney;
 * invalid — a spoilt sheet, neither a vote nor an abstention; duplicate — the owner voted in two channels and the
 * other one prevails under the rules.
 */
export type BallotStatus = 'counted' | 'superseded' | 'entered' | 'mismatched' | 'held' | 'invalid' | 'duplicate';
export type InvalidReason = 'unsigned' | 'double_mark' | 'illegible' | 'proxy_rejected' | 'over_selected' | 'other';
/** A file kept as evidence: the stored content's key and its SHA-256. */
export interface StoredFile {
  key: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
}
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
export interface DecBallotsTable {
  street_id: string;
  id: string;
  decision_id: string;
  entry_id: string;
  account_id: string | null;
  channel: BallotChannel;
  /** Null only on an invalid sheet. */
  choices: ColumnType<Record<string, Choice> | null, string | null, string | null>;
  status: BallotStatus;
  superseded_by: Nullable<string>;
  request_key: string;
  cast_at: Date;
  sheet_id: Nullable<string>;
  proxy_id: Nullable<string>;
  scan: ColumnType<StoredFile | null, string | null | undefined, string | null>;
  entered_by: Nullable<string>;
  checked_by: Nullable<string>;
  checked_at: Nullable<Date>;
  invalid_reason: Nullable<InvalidReason>;
  invalid_note: Nullable<string>;
  mismatch_note: Nullable<string>;
  duplicate_of: Nullable<string>;
  receipt: Nullable<string>;
  nonce: Nullable<string>;
}
/** A personal paper ballot sheet (migration 0033). */
export interface DecSheetsTable {
  street_id: string;
  id: string;
  decision_id: string;
  entry_id: string;
  code: string;
  status: 'issued' | 'void';
  void_reason: Nullable<string>;
  replaced_by: Nullable<string>;
  issued_by: string | null;
  issued_at: Date;
  voided_at: Nullable<Date>;
}
export type ProxyStatus = 'pending' | 'checked' | 'rejected' | 'revoked';
export interface DecProxiesTable {
  street_id: string;
  id: string;
  decision_id: string;
  entry_id: string;
  name: string;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  poa: Json<StoredFile>;
  status: ProxyStatus;
  registered_by: string;
  registered_at: Date;
  checked_by: Nullable<string>;
  checked_at: Nullable<Date>;
  reject_reason: Nullable<string>;
  revoked_by: Nullable<string>;
  revoked_at: Nullable<Date>;
}
/** 送达 recorded by hand: a signed paper receipt (per head) or the public posting (per decision). */
export interface DecProofsTable {
  street_id: string;
  id: string;
  decision_id: string;
  entry_id: string | null;
  kind: 'paper_receipt' | 'public_posting';
  on_date: ColumnType<string, string, string>;
  location: string | null;
  file: Json<StoredFile>;
  recorded_by: string;
  recorded_at: Date;
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

/** The per-decision hash chain of the receipts that counted (migration 0034). */
export interface DecChainTable {
  street_id: string;
  decision_id: string;
  seq: number;
  kind: 'ballot' | 'close';
  ballot_id: string | null;
  receipt: string | null;
  channel: BallotChannel | null;
  supersedes: string | null;
  at: Date;
  hash: string;
}
export interface DecChainHeadsTable {
  street_id: string;
  decision_id: string;
  seq: number;
  hash: string;
  published_at: Date;
}
export interface DecReceiptReportsTable {
  street_id: string;
  id: string;
  decision_id: string;
  receipt: string;
  note: ColumnType<string, string | undefined, string>;
  account_id: string | null;
  created_at: Date;
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
  dec_sheets: DecSheetsTable;
  dec_proxies: DecProxiesTable;
  dec_proofs: DecProofsTable;
  dec_chain: DecChainTable;
  dec_chain_heads: DecChainHeadsTable;
  dec_receipt_reports: DecReceiptReportsTable;
  // Elevator retrofit (migration 0037)
  dec_elevator: DecElevatorTable;
  dec_cost_shares: DecCostSharesTable;
  dec_affected: DecAffectedTable;
  // Owners' committee elections (migration 0036).
  dec_elections: DecElectionsTable;
  dec_vetting_departments: DecVettingDepartmentsTable;
  dec_candidates: DecCandidatesTable;
  dec_vetting_verdicts: DecVettingVerdictsTable;
  dec_filings: DecFilingsTable;
  dec_filing_events: DecFilingEventsTable;
}

/** Elevator retrofit (加装电梯, migration 0037): the cost and its coefficient table, each room's share, the affected owners. */
export interface DecElevatorTable {
  street_id: string;
  decision_id: string;
  cost_fen: BigIntNumber;
  by_area: boolean;
  coefficients: Json<Record<string, number>>;
  affected_rule: 'consent' | 'compensation';
  created_at: Date;
  updated_at: Date;
}
export type CostShareStatus = 'proposed' | 'due' | 'void';
export interface DecCostSharesTable {
  street_id: string;
  decision_id: string;
  room_id: string;
  entry_id: Nullable<string>;
  room_label: string;
  floor: number;
  coefficient_permille: number;
  area_centi: BigIntNumber;
  weight: BigIntNumber;
  share_fen: BigIntNumber;
  status: CostShareStatus;
  due_since: Nullable<Date>;
  payment_ref: Nullable<string>;
}
export type AffectedImpact = 'light' | 'access' | 'noise' | 'other';
/** A compensation agreement that settles an affected owner's objection. */
export interface CompensationAgreement {
  amountFen: number;
  signedOn: string;
  note: string;
  file: StoredFile | null;
}
export interface DecAffectedTable {
  street_id: string;
  id: string;
  decision_id: string;
  room_id: string;
  room_label: string;
  impact: ColumnType<AffectedImpact[], AffectedImpact[], AffectedImpact[]>;
  note: ColumnType<string, string | undefined, string>;
  objection: Nullable<string>;
  objection_at: Nullable<Date>;
  objection_by: Nullable<string>;
  agreement: ColumnType<CompensationAgreement | null, string | null | undefined, string | null>;
  settled_at: Nullable<Date>;
  settled_by: Nullable<string>;
  recorded_by: string | null;
  recorded_at: Date;
}

// ——— owners' committee elections (migration 0036) ———
export type ElectionPurpose = 'regular' | 'by_election' | 'runoff';
export type VettingDepartmentKind = 'party_committee' | 'residents_committee' | 'police' | 'housing' | 'market_regulation' | 'credit' | 'other';
export type CandidateStatus = 'nominated' | 'vetting' | 'returned' | 'rejected' | 'approved' | 'withdrawn';
export type Nomination = 'self' | 'owners' | 'party_org' | 'residents_committee';
export type Verdict = 'approve' | 'reject' | 'return';
/** A drawing of lots at a tie for the last seat, as recorded. */
export interface LotsRecord {
  order: number[];
  witnesses: string;
  note: string;
  by: string;
  byName: string;
  at: string;
}
export interface DecElectionsTable {
  street_id: string;
  decision_id: string;
  seats: number;
  alternates: number;
  term_years: number;
  tie_break: 'lots' | 'runoff';
  purpose: ElectionPurpose;
  nomination_until: DateStr;
  lots: ColumnType<LotsRecord | null, string | null | undefined, string | null>;
}
export interface DecVettingDepartmentsTable {
  street_id: string;
  id: string;
  name: string;
  kind: VettingDepartmentKind;
  reviewer_account_ids: ColumnType<string[], string[] | undefined, string[]>;
  position: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Date;
  updated_at: Date;
}
export interface DecCandidatesTable {
  street_id: string;
  id: string;
  decision_id: string;
  no: number;
  person_id: Nullable<string>;
  name: string;
  room_label: string;
  party_member: boolean;
  statement: ColumnType<string, string | undefined, string>;
  nomination: Nomination;
  nominators: ColumnType<{ name: string; room: string }[], string | undefined, string>;
  nominated_by: Nullable<string>;
  consent_at: Nullable<Date>;
  consent_by: Nullable<string>;
  consent_note: Nullable<string>;
  round: ColumnType<number, number | undefined, number>;
  status: CandidateStatus;
  withdrawn_reason: Nullable<string>;
  account_id: Nullable<string>;
  item_no: Nullable<number>;
  vetted_as: Nullable<string>;
  created_at: Date;
  updated_at: Date;
}
export interface DecVettingVerdictsTable {
  street_id: string;
  id: string;
  candidate_id: string;
  department_id: string;
  round: number;
  verdict: Verdict;
  reason_code: string;
  note: ColumnType<string, string | undefined, string>;
  by: string | null;
  by_name: string;
  at: Date;
}

/** 备案: a published result filed with one receiving office (migration 0038). */
export type FilingStatus = 'pending' | 'submitted' | 'acknowledged' | 'returned';
export type FilingAction = 'submitted' | 'acknowledged' | 'returned';
export interface DecFilingsTable {
  street_id: string;
  id: string;
  decision_id: string;
  office: 'street_office' | 'district_housing';
  due_on: ColumnType<string, string, string>;
  status: FilingStatus;
  version: ColumnType<number, number | undefined, number>;
  package: ColumnType<unknown, string | null | undefined, string | null>;
  package_hash: Nullable<string>;
  minutes_key: Nullable<string>;
  minutes_name: Nullable<string>;
  minutes_mime: Nullable<string>;
  minutes_size: Nullable<number>;
  note: ColumnType<string, string | undefined, string>;
  submitted_at: Nullable<Date>;
  submitted_by: Nullable<string>;
  submitted_by_name: Nullable<string>;
  acknowledged_at: Nullable<Date>;
  acknowledged_by: Nullable<string>;
  acknowledged_by_name: Nullable<string>;
  returned_at: Nullable<Date>;
  returned_by: Nullable<string>;
  returned_by_name: Nullable<string>;
  return_reason: Nullable<string>;
  created_at: Date;
  updated_at: Date;
}
export interface DecFilingEventsTable {
  street_id: string;
  id: string;
  filing_id: string;
  action: FilingAction;
  version: number;
  at: Date;
  by: string | null;
  by_name: string;
  note: ColumnType<string, string | undefined, string>;
  package_hash: Nullable<string>;
}
