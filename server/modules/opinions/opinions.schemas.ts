import { z } from 'zod';
import { nullsLast, PageQuery, sortable } from '../../kernel/pagination.ts';
import { ADDRESSEES, BODY_MAX, OPINION_FILTER_STATUSES, OPINION_KINDS, REASON_MAX, TITLE_MAX, VISIBILITIES } from './opinions.constants.ts';

const Id = z.uuid();
const Text = (max: number) => z.string().trim().min(1).max(max);

export const IdParams = z.object({ id: Id });

export const PostOpinionBody = z.object({
  roomId: Id.optional().describe('one of my rooms: chooses the compound when I live in several'),
  visibility: z.enum(VISIBILITIES),
  addressee: z.enum(ADDRESSEES),
  kind: z.enum(OPINION_KINDS).default('suggestion'),
  title: Text(TITLE_MAX),
  body: Text(BODY_MAX),
});
export type PostOpinionBody = z.infer<typeof PostOpinionBody>;

/** Newest first by default; by compound: its name, then the poster's room. */
export const InboxSort = sortable(
  {
    createdAt: 'o.created_at',
    title: 'o.title',
    kind: 'o.kind',
    visibility: 'o.visibility',
    addressee: 'o.addressee',
    compoundName: ['compound.name', 'room.path'],
    status: 'o.status',
    rating: nullsLast('o.rating'),
  },
  { sort: 'createdAt', order: 'desc' },
  'o.id',
);
export const InboxQuery = PageQuery.extend({
  placeId: Id.optional().describe('only opinions under this place'),
  visibility: z.enum(VISIBILITIES).optional(),
  addressee: z.enum(ADDRESSEES).optional(),
  status: z.enum(OPINION_FILTER_STATUSES).optional(),
  kind: z.enum(OPINION_KINDS).optional(),
  q: z.string().trim().max(50).optional().describe('words in the title or text'),
  ...InboxSort.query,
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const ResidentListQuery = PageQuery.extend({ compoundId: Id.optional() });
export type ResidentListQuery = z.infer<typeof ResidentListQuery>;

export const AnswerBody = z.object({ answer: Text(BODY_MAX) });
export const RatingBody = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(REASON_MAX).optional() });
export type RatingBody = z.infer<typeof RatingBody>;
export const HideBody = z.object({ reason: Text(REASON_MAX) });
export const PromoteBody = z.object({ note: z.string().trim().max(REASON_MAX).optional() });
