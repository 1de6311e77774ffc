import { z } from 'zod';
import { nullsLast, PageQuery, sortable } from '../../kernel/pagination.ts';
import {
  AUTO_CLOSE_BOUNDS,
  CATEGORIES,
  CHANNELS,
  LIMIT_BOUNDS,
  MAX_PRICE_FEN,
  PERIODS,
  REOPEN_AT_OR_BELOW,
  STATUSES,
} from './repairs.constants.ts';

/** Request schemas of the repairs module. Ids are UUIDs; money is integer fen; times are ISO strings. */
const Id = z.uuid();
const Note = z.string().trim().max(500);
const RequiredNote = z.string().trim().min(1).max(500);

export const IdParams = z.object({ id: Id });
export const CompoundParams = z.object({ compoundId: Id });

/**
 * A report. It arrives as JSON, or as multipart form fields next to the photos, where every value
 * is a string: the schema takes strings, and an empty field counts as absent.
 */
export const ReportBody = z.object({
  category: z.enum(CATEGORIES),
  description: z.string().trim().min(1).max(1000),
  placeId: Id,
  channel: z.enum(CHANNELS).default('app'),
  residentPersonId: Id.optional(),
  contactName: z.string().trim().min(1).max(50).optional(),
  contactPhone: z.string().trim().max(20).optional(),
  preferredDate: z.iso.date().optional(),
  preferredPeriod: z.enum(PERIODS).optional(),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const AcceptBody = z.object({ note: Note.optional() });
export const DispatchBody = z.object({ assigneeId: Id, note: Note.optional() });
export const StartBody = z.object({ note: Note.optional() });
export const FinishBody = z.object({ note: RequiredNote });
export const ReturnBody = z.object({ reason: RequiredNote });
export const PriceBody = z
  .object({
    paid: z.boolean(),
    priceFen: z.number().int().min(1).max(MAX_PRICE_FEN).optional(),
    note: Note.optional(),
  })
  .refine((b) => !b.paid || b.priceFen !== undefined, { message: '有偿服务须填写金额 / a paid service needs priceFen', path: ['priceFen'] });
export type PriceBody = z.infer<typeof PriceBody>;
export const RateBody = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() });
export type RateBody = z.infer<typeof RateBody>;
export const AnswerBody = z.object({ note: RequiredNote });
export const CancelBody = z.object({ reason: Note.optional() });
export const SuperviseBody = z.object({ note: RequiredNote });

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Instant = z.iso.datetime({ offset: true });

/** Newest first by default; by place: the compound's name, then the place within it. */
export const OrdersSort = sortable(
  {
    reportedAt: 'o.reported_at',
    no: 'o.no',
    place: ['compound.name', 'p.path'],
    category: 'o.category',
    status: 'o.status',
    assigneeName: nullsLast('o.assignee_name'),
    rating: nullsLast('o.rating'),
  },
  { sort: 'reportedAt', order: 'desc' },
  'o.id',
);
export const OrdersQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('order number, description or contact name'),
  status: z.enum(STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  overdue: Flag.optional(),
  placeId: Id.optional().describe('only orders at or under this place'),
  mine: Flag.optional().describe('only orders dispatched to me'),
  from: Instant.optional(),
  to: Instant.optional(),
  ...OrdersSort.query,
});
export type OrdersQuery = z.infer<typeof OrdersQuery>;

export const MyOrdersQuery = PageQuery.extend({ open: Flag.optional() });
export type MyOrdersQuery = z.infer<typeof MyOrdersQuery>;

/** The latest escalation first by default. */
export const EscalationsSort = sortable(
  {
    escalatedAt: 'e.escalated_at',
    dueAt: 'e.due_at',
    no: 'o.no',
    place: ['compound.name', 'p.path'],
    category: 'o.category',
    kind: 'e.kind',
    status: 'o.status',
    supervisedAt: nullsLast('e.supervised_at'),
  },
  { sort: 'escalatedAt', order: 'desc' },
  'e.id',
);
export const EscalationsQuery = PageQuery.extend({
  placeId: Id.optional(),
  supervised: Flag.optional(),
  kind: z.enum(['response', 'completion']).optional(),
  ...EscalationsSort.query,
});
export type EscalationsQuery = z.infer<typeof EscalationsQuery>;

export const FiguresQuery = z.object({ placeId: Id.optional(), from: Instant.optional(), to: Instant.optional() });
export type FiguresQuery = z.infer<typeof FiguresQuery>;

export const SettingsListQuery = PageQuery.extend({ q: z.string().trim().max(50).optional(), placeId: Id.optional() });
export type SettingsListQuery = z.infer<typeof SettingsListQuery>;

export const SettingsBody = z.object({
  autoCloseDays: z.number().int().min(AUTO_CLOSE_BOUNDS[0]).max(AUTO_CLOSE_BOUNDS[1]),
  limits: z
    .array(
      z.object({
        category: z.enum(CATEGORIES),
        responseMinutes: z.number().int().min(LIMIT_BOUNDS.response[0]).max(LIMIT_BOUNDS.response[1]),
        completionMinutes: z.number().int().min(LIMIT_BOUNDS.completion[0]).max(LIMIT_BOUNDS.completion[1]),
      }),
    )
    .max(CATEGORIES.length)
    .refine((ls) => new Set(ls.map((l) => l.category)).size === ls.length, { message: '类别重复 / duplicate category' }),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

/** A rating that reopens the order. */
export const reopens = (rating: number) => rating <= REOPEN_AT_OR_BELOW;

/** Validates multipart fields like a JSON body (the kernel's reader of multipart uploads). */
export { parseFields as parseBody } from '../../kernel/http/multipart.ts';
