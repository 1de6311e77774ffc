import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { LISTING_KINDS } from './volunteers.constants.ts';
import { MESSAGE_MAX, MODERATION_STATES, REASON_MAX, WORD_MAX } from './volunteers.boards.constants.ts';
import { ModerationSort } from './use-cases/moderation-list.ts';
import { BannedWordsSort } from './use-cases/moderation-banned-words.ts';

const Id = z.uuid();
const Search = z.string().trim().min(1).max(50);

/** A compound's board as a resident sees it: one kind (carpool, second-hand, or a lending kind), search, newest first. */
export const BoardQuery = PageQuery.extend({
  compoundId: Id,
  kind: z.enum(LISTING_KINDS).optional(),
  q: Search.optional(),
  mine: z.stringbool().optional(),
});
export type BoardQuery = z.infer<typeof BoardQuery>;

/** Asking for a listing: seats on a carpool (required there), a short message. */
export const RequestBody = z
  .object({
    seats: z.coerce.number().int().min(1).max(6).optional(),
    message: z.string().trim().max(MESSAGE_MAX).default(''),
  })
  .strict();
export type RequestBody = z.infer<typeof RequestBody>;

export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(REASON_MAX) }).strict();
export const RequestParams = z.object({ id: Id });

export const ModerationQuery = PageQuery.extend({
  placeId: Id.optional(),
  kind: z.enum(LISTING_KINDS).optional(),
  state: z.enum(MODERATION_STATES).optional(),
  q: Search.optional(),
  ...ModerationSort.query,
});
export type ModerationQuery = z.infer<typeof ModerationQuery>;

export const BannedWordsQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: Search.optional(),
  ...BannedWordsSort.query,
});
export type BannedWordsQuery = z.infer<typeof BannedWordsQuery>;

export const BannedWordBody = z
  .object({
    word: z.string().trim().min(1).max(WORD_MAX),
    placeId: Id.optional(),
  })
  .strict();
export type BannedWordBody = z.infer<typeof BannedWordBody>;

