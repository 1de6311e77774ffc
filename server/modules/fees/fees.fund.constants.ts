/** The fund part's vocabulary (专项维修资金), free of dependencies: the web reads it through contract.ts. */

/**
 * Who may do what with the maintenance fund, as the roles whose grant on a place allows it over its subtree.
 * Owners of a compound read its fund through their rooms (use-cases/fund-access.ts), not through grants.
 * - `read`: balances, entries, uses and publications — the fees readers (FEES_ROLES.read) and the officials and
 *   owners' committee over the compound, who vouch for its uses.
 * - `import`: the authority's statements arrive at the street: its officials (and the platform's admin) import them.
 * - `link`: tie a use to what allowed it — officials of the street and community, and the owners' committee.
 * - `publish`: the quarterly publication (art. 281) — officials of the street and community.
 */
export const FUND_ROLES = {
  read: ['platform_admin', 'street_official', 'property_committee_member', 'community_secretary', 'committee_staff', 'owners_committee_member', 'property_manager', 'property_staff'],
  import: ['platform_admin', 'street_official'],
  link: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff', 'owners_committee_member'],
  publish: ['platform_admin', 'street_official', 'community_secretary', 'committee_staff'],
} as const;

/** 交存 (owners' deposits), 使用 (a use), 利息 (interest), 退还 (returned to an owner): the statement's 类型. */
export const FUND_ENTRY_KINDS = ['deposit', 'use', 'interest', 'refund'] as const;
export type FundEntryKind = (typeof FUND_ENTRY_KINDS)[number];
/** The statement's words for the kinds. */
export const FUND_KIND_ZH: Record<FundEntryKind, string> = { deposit: '交存', use: '使用', interest: '利息', refund: '退还' };
/** Money in (+1) or out (−1) of the fund. */
export const FUND_KIND_SIGN: Record<FundEntryKind, 1 | -1> = { deposit: 1, use: -1, interest: 1, refund: -1 };

export const FUND_BASIS_KINDS = ['decision', 'emergency'] as const;
export type FundBasisKind = (typeof FUND_BASIS_KINDS)[number];

/** The statement template's columns, in order (the header row must read exactly so; 楼栋/房号 and 余额 may be empty). */
export const FUND_COLUMNS = ['流水号', '日期', '小区', '楼栋/房号', '类型', '金额(元)', '余额(元)', '摘要'] as const;

/** One refused row of a statement: its row number in the sheet and why, in both languages. */
export interface FundRowError {
  row: number;
  serial: string | null;
  zh: string;
  en: string;
}
/** The dry-run report of a statement file. */
export interface FundImportReport {
  total: number;
  /** Rows not seen before: what a commit adds. */
  added: number;
  /** Rows whose serial is recorded already with the same content: a commit skips them. */
  present: number;
  errors: FundRowError[];
  /** Per compound: how many new rows and their net amount (fen). */
  compounds: { compoundId: string; name: string; rows: number; netFen: number }[];
}

/** A use as a publication shows it: the amount, the day, what it was for, and its basis. */
export interface FundPublishedUse {
  entryId: string;
  serial: string;
  day: string;
  amountFen: number;
  summary: string;
  room: string | null;
  basis: { kind: 'decision'; decisionId: string; title: string } | { kind: 'emergency'; what: string; day: string; certifiedBy: string };
}

/** A quarter: 2026-Q3. */
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
