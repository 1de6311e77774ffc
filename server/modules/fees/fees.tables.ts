import type { ColumnType, Generated } from 'kysely';
import type { ArrearsCaseStatus, ArrearsCaseStep, MediationOutcome, VisitOutcome } from './fees.arrears.constants.ts';
import type { FundBasisKind, FundEntryKind, FundImportReport, FundPublishedUse } from './fees.fund.constants.ts';
import type { AgeingBand, BasisKind, BillSource, BillStatus, BookBasisKind, BookCategory, BookCounterpartyKind, BookDirection, BookLineSource, BookRemunerationMode, BookStatus, FeeCycle, FeeKind, PaymentChannel, PayerKind, SubsidyMode } from './fees.constants.ts';

/** Kysely types of the fees module's core tables (migrations/0044_fees.sql). Money in fen, areas in 0.01 m². */
type DateStr = ColumnType<string, string, string>;
type NullableDateStr = ColumnType<string | null, string | null | undefined, string | null>;
/** bigint columns: the kernel parses int8 to number (fen stay far below 2^53). */
type Fen = number;

export interface FeeItemsTable {
  street_id: string;
  id: string;
  place_id: string;
  kind: FeeKind;
  name: string;
  cycle: FeeCycle;
  vacancy_discount_bp: Generated<number>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface FeePricesTable {
  street_id: string;
  id: string;
  item_id: string;
  unit_fen: number;
  effective_from: DateStr;
  basis_kind: BasisKind;
  basis_ref: string;
  basis_note: Generated<string>;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  approval_id: string | null;
  requested_by: string | null;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
}
export interface FeeVacanciesTable {
  street_id: string;
  id: string;
  room_id: string;
  starts_on: DateStr;
  ends_on: NullableDateStr;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}
export interface FeeBillsTable {
  street_id: string;
  id: string;
  room_id: string;
  compound_id: string;
  company_id: string | null;
  bill_key: string;
  period_label: string;
  period_start: DateStr;
  period_end: DateStr;
  payer_kind: PayerKind;
  source: Generated<BillSource>;
  amount_fen: Fen;
  adjusted_fen: Generated<number>;
  paid_fen: Generated<number>;
  status: Generated<BillStatus>;
  due_on: DateStr;
  issued_at: Generated<Date>;
  created_by: string | null;
}
export interface FeeBillLinesTable {
  street_id: string;
  bill_id: string;
  line_no: number;
  item_id: string | null;
  label: string;
  formula: string;
  amount_fen: Fen;
}
export interface FeeAdjustmentsTable {
  street_id: string;
  id: string;
  bill_id: string;
  kind: 'adjust' | 'write_off';
  delta_fen: Fen;
  reason: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  approval_id: string | null;
  requested_by: string | null;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
}
export interface FeeTenantPayersTable {
  street_id: string;
  id: string;
  room_id: string;
  person_id: string;
  granted_by: string | null;
  granted_at: Generated<Date>;
  revoked_at: Date | null;
}
export interface FeePaymentsTable {
  street_id: string;
  id: string;
  no: string;
  compound_id: string;
  company_id: string | null;
  channel: PaymentChannel;
  provider: string | null;
  provider_txn_id: string | null;
  voucher_no: string | null;
  amount_fen: Fen;
  refunded_fen: Generated<number>;
  payer_account_id: string | null;
  payer_name_masked: string | null;
  booked_at: Date;
  booked_by: string | null;
}
export interface FeePaymentAllocationsTable {
  street_id: string;
  id: string;
  payment_id: string;
  bill_id: string;
  amount_fen: Fen;
  at: Date;
}
export interface FeeReceiptCountersTable {
  street_id: string;
  issuer_id: string;
  year: number;
  last_seq: number;
}
export interface FeeReceiptsTable {
  street_id: string;
  id: string;
  issuer_id: string;
  year: number;
  seq: number;
  no: string;
  payment_id: string;
  compound_id: string;
  amount_fen: Fen;
  payer_name_masked: string | null;
  room_label: string;
  items_label: string;
  issued_at: Date;
  status: Generated<'valid' | 'voided'>;
  void_reason: string | null;
  void_approval_id: string | null;
  voided_at: Date | null;
  voided_by: string | null;
}

// ——— Payments part (migrations/0045_fees_payments.sql) ———
export type PayOrderStatus = 'created' | 'paid' | 'flagged' | 'closed';
export interface FeePayOrdersTable {
  street_id: string;
  id: string;
  no: string;
  provider: string;
  room_id: string;
  compound_id: string;
  company_id: string | null;
  payer_account_id: string | null;
  payer_name_masked: string | null;
  amount_fen: Fen;
  status: Generated<PayOrderStatus>;
  provider_order_no: string | null;
  provider_txn_id: string | null;
  flag_diff_fen: number | null;
  flag_note: string | null;
  resolved_note: string | null;
  resolved_by: string | null;
  payment_id: string | null;
  last_event_at: Date | null;
  created_at: Date;
  paid_at: Date | null;
}
export interface FeePayOrderBillsTable {
  street_id: string;
  order_id: string;
  bill_id: string;
  due_fen: Fen;
}
export type GatewayOutcome = 'booked' | 'duplicate' | 'stale' | 'flagged' | 'refund_confirmed' | 'refused_signature' | 'refused_unknown_order' | 'refused_malformed';
export interface FeeGatewayEventsTable {
  id: string;
  provider: string;
  street_id: string | null;
  order_id: string | null;
  kind: 'pay' | 'refund' | 'unknown';
  out_trade_no: string | null;
  txn_id: string | null;
  amount_fen: number | null;
  outcome: GatewayOutcome;
  detail: Generated<string>;
  body: string;
  received_at: Date;
}
export interface FeeRefundsTable {
  street_id: string;
  id: string;
  no: string;
  payment_id: string;
  compound_id: string;
  amount_fen: Fen;
  reason: string;
  provider_refund_txn: string | null;
  voucher_no: string | null;
  confirmed_at: Date | null;
  refunded_at: Date;
  refunded_by: string | null;
}
export interface FeeReconRunsTable {
  street_id: string;
  id: string;
  provider: string;
  day: DateStr;
  source: 'fetched' | 'uploaded';
  statement_rows: number;
  book_rows: number;
  diffs: number;
  statement_csv: string;
  run_at: Date;
  run_by: string | null;
}
export type ReconDiffKind = 'missing_in_book' | 'missing_in_statement' | 'amount_differs';
export interface FeeReconDiffsTable {
  street_id: string;
  id: string;
  run_id: string;
  compound_id: string | null;
  kind: ReconDiffKind;
  txn_type: 'pay' | 'refund';
  txn_id: string;
  out_trade_no: string | null;
  statement_fen: number | null;
  book_fen: number | null;
  status: Generated<'open' | 'resolved'>;
  note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}
export type SettlementStatus = 'draft' | 'sent' | 'matched' | 'mismatch';
export interface FeeSettlementBatchesTable {
  street_id: string;
  id: string;
  company_id: string;
  channel: 'split' | 'bank';
  period_kind: 'day' | 'month';
  period_label: string;
  period_start: DateStr;
  period_end: DateStr;
  paid_fen: Fen;
  refunded_fen: Fen;
  net_fen: Fen;
  status: Generated<SettlementStatus>;
  statement_fen: number | null;
  statement_ref: string | null;
  created_by: string | null;
  created_at: Date;
  sent_at: Date | null;
  matched_at: Date | null;
}
export interface FeeSettlementLinesTable {
  street_id: string;
  batch_id: string;
  line_no: number;
  kind: 'payment' | 'refund';
  ref_id: string;
  ref_no: string;
  compound_id: string;
  amount_fen: Fen;
  at: Date;
}
export interface FeeSbxOrdersTable {
  order_no: string;
  merchant_id: string;
  sub_merchant_id: string | null;
  out_trade_no: string;
  amount_fen: Fen;
  subject: string;
  notify_url: string;
  return_url: string | null;
  status: Generated<'created' | 'paid' | 'cancelled'>;
  mode: Generated<string>;
  txn_id: string | null;
  paid_at: Date | null;
  refunded_fen: Generated<number>;
  created_at: Date;
}
export interface FeeSbxRefundsTable {
  refund_txn_id: string;
  order_no: string;
  out_refund_no: string;
  amount_fen: Fen;
  refunded_at: Date;
}
export interface FeeSbxNotificationsTable {
  id: Generated<number>;
  url: string;
  body: string;
  headers: ColumnType<Record<string, string>, string, string>;
  attempts: Generated<number>;
  next_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
}
/** The arrears part's tables (migrations/0046_fees_arrears.sql). */
export interface FeeInvoiceRequestsTable {
  street_id: string;
  id: string;
  receipt_id: string;
  compound_id: string;
  title: string;
  tax_no: string | null;
  email: string;
  status: Generated<'requested' | 'issued' | 'rejected'>;
  invoice_no: string | null;
  invoice_date: NullableDateStr;
  reject_reason: string | null;
  requested_by: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}
export interface FeeReminderBatchesTable {
  street_id: string;
  id: string;
  place_id: string;
  compound_id: string;
  min_band: AgeingBand;
  channels: string[];
  rooms: Generated<number>;
  amount_fen: Generated<Fen>;
  created_by: string | null;
  created_at: Date;
}
export interface FeeRemindersTable {
  street_id: string;
  id: string;
  batch_id: string;
  room_id: string;
  amount_fen: Fen;
  months_overdue: number;
  notify_batch_id: string | null;
  recipients: Generated<number>;
  status: Generated<'sent' | 'stopped'>;
  stopped_at: Date | null;
}
export interface FeeArrearsCasesTable {
  street_id: string;
  id: string;
  room_id: string;
  compound_id: string;
  status: Generated<ArrearsCaseStatus>;
  amount_fen: Fen;
  note: Generated<string>;
  visit_outcome: VisitOutcome | null;
  mediation_outcome: MediationOutcome | null;
  opened_by: string | null;
  opened_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}
export interface FeeArrearsCaseNotesTable {
  street_id: string;
  id: string;
  case_id: string;
  step: ArrearsCaseStep;
  text: Generated<string>;
  by_account: string | null;
  at: Date;
}
/** The subsidies part's tables (migrations/0048_fees_subsidies.sql): 先缴后补. */
export interface FeeSubsidyPoliciesTable {
  street_id: string;
  id: string;
  effective_from: DateStr;
  mode: SubsidyMode;
  share_bp: number | null;
  per_area_fen: number | null;
  cap_fen: Fen;
  tags: string[];
  note: Generated<string>;
  set_by: string | null;
  set_at: Date;
}
export interface FeeSubsidyLinesTable {
  street_id: string;
  id: string;
  bill_id: string;
  room_id: string;
  compound_id: string;
  policy_id: string;
  period_label: string;
  bill_day: DateStr;
  tags: string[];
  payee_person_id: string;
  payee_name: string;
  basis_fen: Fen;
  amount_fen: Fen;
  formula: string;
  status: Generated<'granted' | 'reversed'>;
  granted_at: Date;
  reversed_at: Date | null;
  reversal_id: string | null;
}

export interface FeesTables {
  fee_items: FeeItemsTable;
  fee_prices: FeePricesTable;
  fee_vacancies: FeeVacanciesTable;
  fee_bills: FeeBillsTable;
  fee_bill_lines: FeeBillLinesTable;
  fee_adjustments: FeeAdjustmentsTable;
  fee_tenant_payers: FeeTenantPayersTable;
  fee_payments: FeePaymentsTable;
  fee_payment_allocations: FeePaymentAllocationsTable;
  fee_receipt_counters: FeeReceiptCountersTable;
  fee_receipts: FeeReceiptsTable;
  fee_pay_orders: FeePayOrdersTable;
  fee_pay_order_bills: FeePayOrderBillsTable;
  fee_gateway_events: FeeGatewayEventsTable;
  fee_refunds: FeeRefundsTable;
  fee_recon_runs: FeeReconRunsTable;
  fee_recon_diffs: FeeReconDiffsTable;
  fee_settlement_batches: FeeSettlementBatchesTable;
  fee_settlement_lines: FeeSettlementLinesTable;
  fee_sbx_orders: FeeSbxOrdersTable;
  fee_sbx_refunds: FeeSbxRefundsTable;
  fee_sbx_notifications: FeeSbxNotificationsTable;
  fee_invoice_requests: FeeInvoiceRequestsTable;
  fee_reminder_batches: FeeReminderBatchesTable;
  fee_reminders: FeeRemindersTable;
  fee_arrears_cases: FeeArrearsCasesTable;
  fee_arrears_case_notes: FeeArrearsCaseNotesTable;
  fee_ratings: FeeRatingsTable;
  fee_fund_imports: FeeFundImportsTable;
  fee_fund_entries: FeeFundEntriesTable;
  fee_fund_use_bases: FeeFundUseBasesTable;
  fee_fund_publications: FeeFundPublicationsTable;
  fee_book_accounts: FeeBookAccountsTable;
  fee_book_statements: FeeBookStatementsTable;
  fee_book_lines: FeeBookLinesTable;
  fee_book_vouchers: FeeBookVouchersTable;
  fee_subsidy_policies: FeeSubsidyPoliciesTable;
  fee_subsidy_lines: FeeSubsidyLinesTable;
}

/** The ratings part's table (migrations/0047_fees_ratings.sql): an owner's rating of the company for a month. */
export interface FeeRatingsTable {
  street_id: string;
  id: string;
  compound_id: string;
  company_id: string;
  period: string;
  person_id: string;
  account_id: string | null;
  rooms_label: string;
  cleaning: number;
  security: number;
  repairs: number;
  greenery: number;
  attitude: number;
  comment: Generated<string>;
  rated_at: Date;
}

// The fund part (migrations/0052_fees_fund.sql).
export interface FeeFundImportsTable {
  street_id: string;
  id: string;
  place_id: string;
  file_key: string;
  file_name: string;
  file_sha256: string;
  total_rows: number;
  new_rows: number;
  present_rows: number;
  error_rows: number;
  report: ColumnType<FundImportReport, string, string>;
  status: Generated<'checked' | 'committed'>;
  created_by: string | null;
  created_at: Date;
  committed_by: string | null;
  committed_at: Date | null;
}
export interface FeeFundEntriesTable {
  street_id: string;
  id: string;
  serial: string;
  compound_id: string;
  room_id: string | null;
  day: DateStr;
  kind: FundEntryKind;
  amount_fen: Fen;
  balance_fen: Fen | null;
  summary: Generated<string>;
  import_id: string;
  created_at: Date;
}
export interface FeeFundUseBasesTable {
  street_id: string;
  entry_id: string;
  kind: FundBasisKind;
  decision_id: string | null;
  decision_title: string | null;
  emergency_what: string | null;
  emergency_day: NullableDateStr;
  emergency_certified_by: string | null;
  document_key: string | null;
  document_name: string | null;
  document_mime: string | null;
  linked_by: string | null;
  linked_at: Date;
}
export interface FeeFundPublicationsTable {
  street_id: string;
  id: string;
  compound_id: string;
  quarter: string;
  opening_fen: Fen;
  raised_fen: Fen;
  used_fen: Fen;
  interest_fen: Fen;
  refunded_fen: Fen;
  closing_fen: Fen;
  uses: ColumnType<FundPublishedUse[], string, string>;
  published_by: string | null;
  published_at: Date;
}

// ——— The books part (migrations/0050_fees_books.sql) ———
export interface FeeBookAccountsTable {
  street_id: string;
  compound_id: string;
  mode: BookRemunerationMode;
  share_bp: number | null;
  fixed_fen: Fen | null;
  contract_no: string;
  updated_by: string | null;
  updated_at: Date;
}
export interface FeeBookStatementsTable {
  street_id: string;
  id: string;
  compound_id: string;
  month: string;
  status: Generated<BookStatus>;
  committee_confirmed_by: string | null;
  committee_confirmed_at: Date | null;
  company_confirmed_by: string | null;
  company_confirmed_at: Date | null;
  published_by: string | null;
  published_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface FeeBookLinesTable {
  street_id: string;
  id: string;
  statement_id: string;
  line_no: number;
  direction: BookDirection;
  category: BookCategory;
  source: Generated<BookLineSource>;
  amount_fen: Fen;
  counterparty: string;
  counterparty_kind: BookCounterpartyKind;
  description: string;
  occurred_on: DateStr;
  basis_kind: BookBasisKind | null;
  basis_ref: string | null;
  basis_label: string | null;
  formula: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
export interface FeeBookVouchersTable {
  street_id: string;
  id: string;
  line_id: string;
  file_key: string;
  file_name: string;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  size_bytes: number;
  masked: boolean;
  uploaded_by: string | null;
  uploaded_at: Date;
}
