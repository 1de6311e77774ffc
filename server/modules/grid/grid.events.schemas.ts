import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { NOTE_MAX } from './grid.constants.ts';
import {
  EVENT_BODIES,
  EVENT_CATEGORY_KEYS,
  EVENT_DESCRIPTION_MAX,
  EVENT_LOCATION_MAX,
  EVENT_REASON_MAX,
  EVENT_STATUSES,
  EVENT_URGENCIES,
  LIAISON_LINES,
  PATROL_FINDINGS_MAX,
  RATING_COMMENT_MAX,
} from './grid.events.constants.ts';
import { EventsSort } from './use-cases/events-list.ts';
import { LiaisonsSort } from './use-cases/events-liaisons-list.ts';

const Id = z.uuid();
const Day = z.iso.date();

/** 上报事件: at a compound or one of its buildings (multipart with photos, or JSON without). */
export const ReportBody = z
  .object({
    placeId: Id,
    location: z.string().trim().max(EVENT_LOCATION_MAX).default(''),
    category: z.enum(EVENT_CATEGORY_KEYS),
    description: z.string().trim().min(1).max(EVENT_DESCRIPTION_MAX),
    urgency: z.enum(EVENT_URGENCIES).default('normal'),
    patrolId: Id.optional(),
  })
  .strict();
export type ReportBody = z.infer<typeof ReportBody>;

export const EventsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(50).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  category: z.enum(EVENT_CATEGORY_KEYS).optional(),
  body: z.enum(EVENT_BODIES).optional(),
  placeId: Id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  level: z.enum(['community', 'street']).optional(),
  /** Lists for the staff home's to-dos: waiting for my dispatch, or with me as the handling body. */
  mine: z.enum(['dispatch', 'handle']).optional(),
  ...EventsSort.query,
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const DispatchBody = z.object({ body: z.enum(EVENT_BODIES), note: z.string().trim().max(NOTE_MAX).optional() }).strict();
export type DispatchBody = z.infer<typeof DispatchBody>;
export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(EVENT_REASON_MAX) }).strict();
export const NoteBody = z.object({ note: z.string().trim().max(NOTE_MAX).optional() }).strict();
/** 办结: the handler's note (with optional photos, multipart). */
export const ResolveBody = z.object({ note: z.string().trim().min(1).max(NOTE_MAX) }).strict();
export const RateBody = z.object({ stars: z.coerce.number().int().min(1).max(5), comment: z.string().trim().max(RATING_COMMENT_MAX).default('') }).strict();
export type RateBody = z.infer<typeof RateBody>;

export const LiaisonBody = z
  .object({
    departmentId: Id,
    line: z.enum(LIAISON_LINES),
    compoundId: Id,
    accountId: Id,
    name: z.string().trim().min(1).max(30),
    phone: z.string().trim().regex(/^[0-9-]{7,20}$/).optional(),
    fromOn: Day,
  })
  .strict();
export type LiaisonBody = z.infer<typeof LiaisonBody>;
export const EndLiaisonBody = z.object({ untilOn: Day }).strict();

export const LiaisonsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(50).optional(),
  line: z.enum(LIAISON_LINES).optional(),
  compoundId: Id.optional(),
  serving: z.enum(['true', 'false']).optional(),
  ...LiaisonsSort.query,
});
export type LiaisonsQuery = z.infer<typeof LiaisonsQuery>;

/** 联合巡查: a compound, a day, the liaisons present, the findings (with optional photos, multipart). */
export const PatrolBody = z
  .object({
    compoundId: Id,
    patrolOn: Day,
    liaisonIds: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(Id).max(10)).default([]),
    findings: z.string().trim().min(1).max(PATROL_FINDINGS_MAX),
  })
  .strict();
export type PatrolBody = z.infer<typeof PatrolBody>;
export const PatrolsQuery = PageQuery.extend({ compoundId: Id.optional(), q: z.string().trim().min(1).max(50).optional() });
export type PatrolsQuery = z.infer<typeof PatrolsQuery>;
