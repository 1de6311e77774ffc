/**
 * The notices module's vocabularies and limits, free of dependencies so the web shells can import
 * them without bundling zod.
 */
export const NOTICE_CATEGORIES = ['policy', 'announcement', 'meeting', 'emergency'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Filter values of the staff list: stored statuses, plus published notices by their validity. */
export const NOTICE_FILTER_STATUSES = ['draft', 'published', 'scheduled', 'expired', 'withdrawn'] as const;

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Per file, and per notice. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_NOTICE = 10;

export const TITLE_MAX = 120;
export const BODY_MAX = 20000;
export const ISSUER_MAX = 100;
