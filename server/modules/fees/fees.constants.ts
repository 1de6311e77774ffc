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

// ——— The books part: 信托制 open books (issue 19 §3) ———

/**
 * Who may do what with a compound's open books, as roles whose grant covers the compound. Owners of record of the
 * compound read its published statements through their households (use-cases/books-access.ts), not through grants.
 * - `read`: the officials over the compound — street, community, owners' committee, property company.
 * - `keep`: the property company keeps the books — drafts, lines, vouchers, refreshing the computed lines.
 * - `account`: the remuneration setting of the contract (酬金制): the owners' committee or an official.
 * - `confirmCommittee` / `confirmCompany`: the two confirmations, in either order.
 * - `publish`: either confirming side, once both have confirmed.
 */
export const BOOKS_ROLES = {
  read: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'owners_committee_member', 'property_manager', 'property_staff'],
  keep: ['platform_admin', 'property_manager', 'property_staff'],
  account: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'owners_committee_member'],
  confirmCommittee: ['owners_committee_member'],
  confirmCompany: ['property_manager'],
  publish: ['owners_committee_member', 'property_manager'],
} as const;
export const BOOK_DIRECTIONS = ['income', 'expense'] as const;
export type BookDirection = (typeof BOOK_DIRECTIONS)[number];
/** 物业费 (computed), 停车, 广告, 公共部位租金, 其他. */
export const BOOK_INCOME_CATEGORIES = ['fees', 'parking', 'advertising', 'rent', 'other_income'] as const;
/** 人工, 保洁, 绿化, 秩序维护, 维修, 水电, 其他, and the company's remuneration (computed). */
export const BOOK_EXPENSE_CATEGORIES = ['labour', 'cleaning', 'greening', 'security', 'repairs', 'utilities', 'other_expense', 'remuneration'] as const;
export const BOOK_CATEGORIES = [...BOOK_INCOME_CATEGORIES, ...BOOK_EXPENSE_CATEGORIES] as const;
export type BookCategory = (typeof BOOK_CATEGORIES)[number];
/** The categories staff write lines of; `fees` and `remuneration` lines are computed. */
export const BOOK_MANUAL_CATEGORIES = ['parking', 'advertising', 'rent', 'other_income', 'labour', 'cleaning', 'greening', 'security', 'repairs', 'utilities', 'other_expense'] as const satisfies readonly BookCategory[];
export type BookManualCategory = (typeof BOOK_MANUAL_CATEGORIES)[number];
export const BOOK_LINE_SOURCES = ['manual', 'fees', 'remuneration'] as const;
export type BookLineSource = (typeof BOOK_LINE_SOURCES)[number];
export const BOOK_BASIS_KINDS = ['decision', 'contract'] as const;
export type BookBasisKind = (typeof BOOK_BASIS_KINDS)[number];
export const BOOK_COUNTERPARTY_KINDS = ['person', 'organisation'] as const;
export type BookCounterpartyKind = (typeof BOOK_COUNTERPARTY_KINDS)[number];
export const BOOK_STATUSES = ['draft', 'published'] as const;
export type BookStatus = (typeof BOOK_STATUSES)[number];
export const BOOK_REMUNERATION_MODES = ['share_bp', 'fixed_fen'] as const;
export type BookRemunerationMode = (typeof BOOK_REMUNERATION_MODES)[number];
/** A voucher: an invoice photo (JPG, PNG) or a PDF, at most 5 MB. */
export const BOOK_VOUCHER_MAX_BYTES = 5 * 1024 * 1024;
export const BOOK_VOUCHERS_PER_LINE = 10;
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
