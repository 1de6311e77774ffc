/** The fees module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/**
 * Who may do what, as the roles whose grant on a place allows it over the place's subtree.
 * - `read`: bills, payments, receipts and arrears of the place (names masked for the property company's staff).
 * - `bill`: the property company's daily work — generate bills, take counter payments, work reconciliation
 *   differences and arrears, send reminders.
 * - `configure`: fee items and price changes (a price counts only once a second person approves it).
 * - `approve`: the second person for prices, adjustments, write-offs and voided receipts (never the requester).
 * - `settle`: settlement (清分) to the property companies, the street's centre account.
 * - `figures`: collection rates and arrears totals.
 */
export const FEES_ROLES = {
  read: ['platform_admin', 'street_official', 'property_committee_member', 'property_manager', 'property_staff'],
  bill: ['platform_admin', 'street_official', 'property_manager', 'property_staff'],
  configure: ['platform_admin', 'street_official', 'property_manager'],
  approve: ['platform_admin', 'street_official', 'property_committee_member', 'property_manager'],
  settle: ['platform_admin', 'street_official'],
  figures: ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'property_manager'],
} as const;

/**
 * How an item's amount is computed (bill-rules.ts): `area` — the room's exclusive area × price per m² per month;
 * `fixed` — a price per room per month; `parking` — a price per parking space (a room of use `parking`) per
 * month; `one_off` — one amount, billed on demand to chosen rooms.
 */
export const FEE_KINDS = ['area', 'fixed', 'parking', 'one_off'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const FEE_CYCLES = ['month', 'quarter', 'year', 'once'] as const;
export type FeeCycle = (typeof FEE_CYCLES)[number];
/** What a price change rests on: an owners' decision (its id) or the property service contract (its number). */
export const BASIS_KINDS = ['owners_decision', 'contract'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];
export const PAYER_KINDS = ['owners', 'developer'] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];
export const BILL_SOURCES = ['generated', 'one_off', 'elevator'] as const;
export type BillSource = (typeof BILL_SOURCES)[number];
export const BILL_STATUSES = ['open', 'paid', 'written_off'] as const;
export type BillStatus = (typeof BILL_STATUSES)[number];
export const PAYMENT_CHANNELS = ['gateway', 'cash', 'pos'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** A bill is due this many days after its period starts (the contract's usual 预交期). */
export const DUE_AFTER_DAYS = 15;

/** Arrears ageing bands, by whole months overdue since the bill's due date: ≤ 3, 3–6, 6–12, > 12. */
export const AGEING_BANDS = ['upTo3', 'from3To6', 'from6To12', 'over12'] as const;
export type AgeingBand = (typeof AGEING_BANDS)[number];

/**
 * 先缴后补 (pay first, then subsidise; the subsidies part). The street's policy is set by `configure` at the street
 * (FEES_ROLES.configure: a street official there); the subsidy lines are read by the street and by the residents'
 * committees that review the payout statements (the roles below, over their places).
 */
export const SUBSIDY_MODES = ['share', 'per_area'] as const;
export type SubsidyMode = (typeof SUBSIDY_MODES)[number];
export const SUBSIDY_READ_ROLES = ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'] as const;
/** The tags a new policy makes eligible unless it says otherwise: 低保 and 特困. */
export const SUBSIDY_DEFAULT_TAGS = ['low_income', 'extreme_hardship'] as const;
/** The payout kind the subsidy lines are paid through (kernel/payouts). */
export const SUBSIDY_PAYOUT_KIND = 'fees.pay_first_subsidy';
/** How a household sees a subsidy line: 待结算 → 审核中 → 已审批 → 已发放 (or 已冲销 after a refund). */
export const SUBSIDY_STAGES = ['pending', 'reviewing', 'approved', 'paid', 'reversed'] as const;
export type SubsidyStage = (typeof SUBSIDY_STAGES)[number];
