import { z } from 'zod';
import { sql } from 'kysely';
import { nullsLast, PageQuery, sortable } from '../../kernel/pagination.ts';
import { ISSUER_MAX, BODY_MAX, NOTICE_CATEGORIES, NOTICE_FILTER_STATUSES, TITLE_MAX } from './notices.constants.ts';

const Id = z.uuid();
const DateOnly = z.iso.date();

export const IdParams = z.object({ id: Id });
export const AttachmentParams = z.object({ id: Id, attachmentId: Id });

export const CreateNoticeBody = z.object({
  placeId: Id.describe('where the notice is posted: it reaches every resident under this place'),
  category: z.enum(NOTICE_CATEGORIES),
  title: z.string().trim().min(1).max(TITLE_MAX),
  body: z.string().trim().max(BODY_MAX).default(''),
  issuer: z.string().trim().min(1).max(ISSUER_MAX).optional().describe('signature as printed (落款); defaults to my role and place'),
  pinned: z.boolean().default(false),
  validFrom: DateOnly.optional().describe('first day shown (Asia/Shanghai); defaults to today'),
  validUntil: DateOnly.nullable().optional().describe('last day shown, inclusive; none = until withdrawn'),
  publish: z.boolean().default(false).describe('publish at once instead of saving a draft'),
});
export type CreateNoticeBody = z.infer<typeof CreateNoticeBody>;

export const UpdateNoticeBody = z
  .object({
    placeId: Id,
    category: z.enum(NOTICE_CATEGORIES),
    title: z.string().trim().min(1).max(TITLE_MAX),
    body: z.string().trim().max(BODY_MAX),
    issuer: z.string().trim().min(1).max(ISSUER_MAX),
    pinned: z.boolean(),
    validFrom: DateOnly,
    validUntil: DateOnly.nullable(),
  })
  .partial();
export type UpdateNoticeBody = z.infer<typeof UpdateNoticeBody>;

export const WithdrawBody = z.object({ reason: z.string().trim().min(1).max(300) });

/**
 * Pinned first, then the newest (by first valid day, then publication) by default: the order residents
 * see too. By place: in the tree's order.
 */
export const NoticesSort = sortable(
  {
    pinned: ['n.pinned', 'n.valid_from', sql`coalesce(n.published_at, n.created_at)`],
    title: 'n.title',
    category: 'n.category',
    place: 'place.path',
    validFrom: 'n.valid_from',
    publishedAt: nullsLast('n.published_at'),
  },
  { sort: 'pinned', order: 'desc' },
  'n.id',
);
export const NoticesQuery = PageQuery.extend({
  placeId: Id.optional().describe('notices posted at this place or below'),
  category: z.enum(NOTICE_CATEGORIES).optional(),
  status: z.enum(NOTICE_FILTER_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  ...NoticesSort.query,
});
export type NoticesQuery = z.infer<typeof NoticesQuery>;

export const MyNoticesQuery = PageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type MyNoticesQuery = z.infer<typeof MyNoticesQuery>;
