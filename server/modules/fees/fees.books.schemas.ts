import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { BOOK_BASIS_KINDS, BOOK_COUNTERPARTY_KINDS, BOOK_DIRECTIONS, BOOK_MANUAL_CATEGORIES, BOOK_REMUNERATION_MODES, BOOK_STATUSES } from './fees.constants.ts';
import { MyStatementsSort, StatementsSort } from './use-cases/list-book-statements.ts';

const Id = z.uuid();
export const IdParams = z.object({ id: Id });
export const CompoundParams = z.object({ compoundId: Id });
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
/** Up to 1,000,000,000.00 yuan in fen: far above any compound's month, far below 2^53. */
const Fen = z.number().int().min(0).max(100_000_000_000);

export const BookAccountBody = z
  .object({
    mode: z.enum(BOOK_REMUNERATION_MODES),
    /** 酬金比例 in basis points (1000 = 10%). */
    shareBp: z.number().int().min(0).max(10_000).optional(),
    /** 固定酬金 per month, in fen. */
    fixedFen: Fen.optional(),
    contractNo: z.string().trim().min(1).max(64),
  })
  .refine((b) => (b.mode === 'share_bp' ? b.shareBp !== undefined && b.fixedFen === undefined : b.fixedFen !== undefined && b.shareBp === undefined), {
    message: 'share_bp takes shareBp, fixed_fen takes fixedFen',
    path: ['mode'],
  });
export type BookAccountBody = z.infer<typeof BookAccountBody>;

export const CreateStatementBody = z.object({ compoundId: Id, month: Month });
export type CreateStatementBody = z.infer<typeof CreateStatementBody>;

export const BookLineBody = z.object({
  direction: z.enum(BOOK_DIRECTIONS),
  category: z.enum(BOOK_MANUAL_CATEGORIES),
  amountFen: Fen,
  counterparty: z.string().trim().min(1).max(100),
  counterpartyKind: z.enum(BOOK_COUNTERPARTY_KINDS),
  description: z.string().trim().min(1).max(300),
  occurredOn: Day,
  basisKind: z.enum(BOOK_BASIS_KINDS),
  /** A decision's id, or the contract's number. */
  basisRef: z.string().trim().min(1).max(64),
});
export type BookLineBody = z.infer<typeof BookLineBody>;

export const ConfirmBody = z.object({ side: z.enum(['committee', 'company']) });
export type ConfirmBody = z.infer<typeof ConfirmBody>;

export const QuestionBody = z.object({ body: z.string().trim().min(2).max(1000) });
export type QuestionBody = z.infer<typeof QuestionBody>;

export const StatementsQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  status: z.enum(BOOK_STATUSES).optional(),
  /** Drafts waiting for that side's confirmation, where the actor confirms for it (the workbench home's to-do). */
  awaiting: z.enum(['committee', 'company']).optional(),
  ...StatementsSort.query,
});
export type StatementsQuery = z.infer<typeof StatementsQuery>;
export const MyStatementsQuery = PageQuery.extend({ ...MyStatementsSort.query });
export type MyStatementsQuery = z.infer<typeof MyStatementsQuery>;
