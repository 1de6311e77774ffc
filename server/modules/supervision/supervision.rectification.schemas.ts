import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import { NOTICE_STATUSES, NOTICE_TEXT_MAX, NOTICE_TITLE_MAX } from './supervision.rectification.constants.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** The fields of a new notice (multipart: these fields and the evidence files, field name `files`). */
export const IssueNoticeFields = z.object({
  placeId: z.uuid(),
  title: text(NOTICE_TITLE_MAX),
  description: text(NOTICE_TEXT_MAX),
  deadline: day,
  inspectionId: z.uuid().optional(),
  indicatorId: z.uuid().optional(),
}).refine((f) => !!f.inspectionId === !!f.indicatorId, { message: 'inspectionId and indicatorId go together', path: ['indicatorId'] });
export type IssueNoticeFields = z.infer<typeof IssueNoticeFields>;

/** The company's answer (multipart: `text` and the evidence files, field name `files`). */
export const RespondNoticeFields = z.object({ text: text(NOTICE_TEXT_MAX) });
export const CloseNoticeBody = z.object({ note: z.string().trim().max(NOTICE_TEXT_MAX).default('') });
export type CloseNoticeBody = z.infer<typeof CloseNoticeBody>;
export const ReissueNoticeBody = z.object({ reason: text(NOTICE_TEXT_MAX), deadline: day });
export type ReissueNoticeBody = z.infer<typeof ReissueNoticeBody>;

export const NoticeIdParams = z.object({ id: z.uuid() });
export const NoticeFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const NoticePrefillQuery = z.object({ inspectionId: z.uuid(), indicatorId: z.uuid() });

export const NoticesSort = sortable(
  { issuedAt: 'n.issued_at', no: ['n.year', 'n.seq'], deadline: 'n.deadline', company: 'n.company_name', status: 'n.status', place: 'place.path' },
  { sort: 'issuedAt', order: 'desc' },
  'n.id',
);

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The list's filters: status, overdue now, a place (its subtree), a company, a search over number and title. */
export const NoticesQuery = PageQuery.extend({
  status: z.enum(NOTICE_STATUSES).optional(),
  /** open: every status but closed; waiting: the company's turn; verifying: the issuer's. */
  stage: z.enum(['open', 'waiting', 'verifying']).optional(),
  overdue: bool.optional(),
  placeId: z.uuid().optional(),
  companyId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  ...NoticesSort.query,
});
export type NoticesQuery = z.infer<typeof NoticesQuery>;

/** Counts by company over the same filters (no paging). */
export const NoticeCompanyCountsQuery = NoticesQuery.omit({ page: true, pageSize: true, sort: true, order: true });
export type NoticeCompanyCountsQuery = z.infer<typeof NoticeCompanyCountsQuery>;
