/** The rectification part's vocabulary (整改通知单), free of dependencies: the web reads it through contract.ts. */

/** issued / reissued: waiting for the company; responded: waiting for the issuer; closed: verified and done. */
export const NOTICE_STATUSES = ['issued', 'responded', 'reissued', 'closed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
/** The statuses in which the company owes an answer (and the deadline runs). */
export const WAITING_FOR_COMPANY: readonly NoticeStatus[] = ['issued', 'reissued'];

/** The level a notice is issued at: the kind of place of the issuer's grant (community below street). */
export const ISSUER_LEVELS = ['community', 'street'] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];
/** Rank of a level: a grant closes a notice of its own level or a lower one. */
export const LEVEL_RANK: Record<IssuerLevel, number> = { community: 1, street: 2 };

/**
 * Where an overdue notice goes: a community's notice to the street (its officials); a street's notice stays at
 * the street but is flagged and goes to the street's 物委会 as well as its officials ('street_committee').
 */
export const ESCALATED_TO = ['street', 'street_committee'] as const;
export type EscalatedTo = (typeof ESCALATED_TO)[number];

export const NOTICE_EVENT_KINDS = ['issued', 'responded', 'closed', 'reissued', 'escalated'] as const;
export type NoticeEventKind = (typeof NOTICE_EVENT_KINDS)[number];

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_TEXT_MAX = 2000;
/** Evidence files per upload (the issuer's, or the company's with one answer). */
export const NOTICE_MAX_FILES = 9;
export const NOTICE_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A notice's printed number: 整改〔2026〕第 001 号. */
export const noticeNo = (year: number, seq: number) => `整改〔${year}〕第 ${String(seq).padStart(3, '0')} 号`;

/** Transitions a notice can take and the statuses they start from. */
export const NOTICE_ACTIONS = ['respond', 'close', 'reissue'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];
export const ACTION_FROM: Record<NoticeAction, readonly NoticeStatus[]> = {
  respond: ['issued', 'reissued'],
  close: ['responded'],
  reissue: ['responded'],
};
