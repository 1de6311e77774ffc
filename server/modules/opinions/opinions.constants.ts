/**
 * The opinions module's vocabularies, free of dependencies so the web shells can import them
 * without bundling zod.
 */
export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Who a post is addressed to: the organisations serving a compound. */
export const ADDRESSEES = ['property_company', 'residents_committee', 'owners_committee'] as const;
export type Addressee = (typeof ADDRESSEES)[number];

export const OPINION_KINDS = ['suggestion', 'complaint'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

/** Stored status; "hidden" is moderation on top of it, "rated" a fact of an answered post. */
export const OPINION_STATUSES = ['open', 'answered', 'promoted'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** The inbox filter: the stored statuses plus hidden posts. */
export const OPINION_FILTER_STATUSES = ['open', 'answered', 'promoted', 'hidden'] as const;

export const TITLE_MAX = 100;
export const BODY_MAX = 2000;
export const REASON_MAX = 300;
