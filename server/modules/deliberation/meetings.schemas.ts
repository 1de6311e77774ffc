import { z } from 'zod';
import { PageQuery, sortable } from '../../kernel/pagination.ts';
import {
  BUILDING_LEADERS,
  CONVENER_KINDS,
  MEETING_KINDS,
  MEETING_LOCATION_MAX,
  MEETING_STATUSES,
  MEETING_TITLE_MAX,
  MINUTES_MAX,
  OUTCOME_KINDS,
  SCHEDULE_FREQUENCIES,
  STANCES,
} from './meetings.constants.ts';

const Id = z.uuid();
const Instant = z.iso.datetime({ offset: true });
const Title = z.string().trim().min(1).max(MEETING_TITLE_MAX);
const Location = z.string().trim().min(1).max(MEETING_LOCATION_MAX);
/** An invited body: an organisation's id, or the building leaders under the place. */
const BodyKey = z.union([z.uuid(), z.literal(BUILDING_LEADERS)]);
const Bodies = z.array(BodyKey).min(1).max(30);

export const MeetingIdParams = z.object({ id: Id });
export const MeetingItemParams = z.object({ id: Id, itemId: Id });
export const MeetingAttendeeParams = z.object({ id: Id, attendeeId: Id });
export const MeetingAttachmentParams = z.object({ id: Id, attachmentId: Id });

export const CreateMeetingBody = z.strictObject({
  placeId: Id,
  title: Title,
  kind: z.enum(MEETING_KINDS),
  convenerKind: z.enum(CONVENER_KINDS),
  convenerOrgId: Id,
  startsAt: Instant,
  location: Location,
  bodies: Bodies,
  /** Consulting items to put on the agenda at once. */
  itemIds: z.array(Id).max(30).optional(),
});
export type CreateMeetingBody = z.input<typeof CreateMeetingBody>;

/** Who would be invited: the bodies at the place, and (with `bodies`) their current position holders, one row per person. */
export const AttendeePreviewQuery = z.object({
  placeId: Id,
  bodies: z
    .string()
    .max(2000)
    .optional()
    .transform((s, c) => {
      const keys = (s ?? '').split(',').filter(Boolean);
      for (const k of keys) {
        if (!BodyKey.safeParse(k).success) {
          c.addIssue({ code: 'custom', message: 'bodies: organisation ids or building_leaders, comma-separated' });
          return z.NEVER;
        }
      }
      return keys;
    })
    .describe('comma-separated body keys (organisation ids, building_leaders)'),
});

export const UpdateMeetingBody = z
  .strictObject({ title: Title.optional(), startsAt: Instant.optional(), location: Location.optional() })
  .refine((b) => b.title !== undefined || b.startsAt !== undefined || b.location !== undefined, { message: 'nothing to change' });
export type UpdateMeetingBody = z.input<typeof UpdateMeetingBody>;

export const AgendaBody = z.union([
  z.strictObject({ add: Id }),
  z.strictObject({ remove: Id }),
  z.strictObject({ order: z.array(Id).min(1).max(50) }),
]);
export type AgendaBody = z.input<typeof AgendaBody>;

export const AddAttendeeBody = z.union([
  z.strictObject({ personId: Id, note: z.string().trim().min(1).max(50).optional() }),
  z.strictObject({ name: z.string().trim().min(1).max(50), note: z.string().trim().min(1).max(50).optional() }),
]);
export type AddAttendeeBody = z.input<typeof AddAttendeeBody>;

export const SignInBody = z.strictObject({ token: z.string().trim().min(8).max(64) });
export type SignInBody = z.input<typeof SignInBody>;

export const MinutesBody = z.strictObject({ minutes: z.string().trim().max(MINUTES_MAX), minutesPublic: z.boolean() });
export type MinutesBody = z.input<typeof MinutesBody>;

export const PositionsBody = z.strictObject({
  positions: z
    .array(z.strictObject({ bodyKey: BodyKey, stance: z.enum(STANCES), note: z.string().trim().max(500).optional() }))
    .max(30)
    .refine((ps) => new Set(ps.map((p) => p.bodyKey)).size === ps.length, { message: 'one position per body' }),
});
export type PositionsBody = z.input<typeof PositionsBody>;

export const OutcomeBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('decided'), text: z.string().trim().min(1).max(2000) }),
  z.strictObject({
    kind: z.literal('refer_vote'),
    text: z.string().trim().min(1).max(2000),
    voteTitle: z.string().trim().min(1).max(100),
    matter: z.number().int().min(1).max(9).describe("the Civil Code art. 278 matter (1–9) the owners vote on"),
  }),
  z.strictObject({ kind: z.literal('next_meeting'), text: z.string().trim().max(2000).optional() }),
]);
export type OutcomeBody = z.input<typeof OutcomeBody>;
// Kept for the web's outcome form: the kinds in order.
export const OUTCOME_KIND_LIST = OUTCOME_KINDS;

export const CancelBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });
export type CancelBody = z.input<typeof CancelBody>;

export const MeetingsSort = sortable({ startsAt: 'm.starts_at', title: 'm.title', place: 'p.path', status: 'm.status' }, { sort: 'startsAt', order: 'desc' }, 'm.id');
export const MeetingsQuery = PageQuery.extend({
  placeId: Id.optional().describe('meetings at this place or below'),
  status: z.enum(MEETING_STATUSES).optional(),
  itemId: Id.optional().describe('meetings that had this item on their agenda'),
  when: z.enum(['today', 'week']).optional().describe('open meetings starting today, or in the seven days from today (China time)'),
  q: z.string().trim().max(50).optional().describe('words in the title'),
  ...MeetingsSort.query,
});
export type MeetingsQuery = z.infer<typeof MeetingsQuery>;

const ScheduleFields = {
  placeId: Id,
  title: Title,
  kind: z.enum(MEETING_KINDS),
  convenerKind: z.enum(CONVENER_KINDS),
  convenerOrgId: Id,
  bodies: Bodies,
  frequency: z.enum(SCHEDULE_FREQUENCIES),
  day: z.number().int().min(1).max(28),
  atTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/),
  location: Location,
};
const weekdayFits = (s: { frequency?: string; day?: number }) => s.frequency !== 'weekly' || s.day === undefined || s.day <= 7;
export const CreateScheduleBody = z.strictObject(ScheduleFields).refine(weekdayFits, { message: 'a weekly schedule names a weekday 1–7', path: ['day'] });
export type CreateScheduleBody = z.input<typeof CreateScheduleBody>;
export const UpdateScheduleBody = z
  .strictObject({
    title: Title.optional(),
    bodies: Bodies.optional(),
    frequency: z.enum(SCHEDULE_FREQUENCIES).optional(),
    day: ScheduleFields.day.optional(),
    atTime: ScheduleFields.atTime.optional(),
    location: Location.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateScheduleBody = z.input<typeof UpdateScheduleBody>;

export const SchedulesSort = sortable({ title: 's.title', place: 'p.path', createdAt: 's.created_at' }, { sort: 'createdAt', order: 'desc' }, 's.id');
export const SchedulesQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  ...SchedulesSort.query,
});
export type SchedulesQuery = z.infer<typeof SchedulesQuery>;

export const WaitingItemsSort = sortable({ listedAt: 'i.listed_at', title: 'i.title', place: 'p.path' }, { sort: 'listedAt', order: 'asc' }, 'i.id');
export const WaitingItemsQuery = PageQuery.extend({ q: z.string().trim().max(50).optional(), ...WaitingItemsSort.query });
export type WaitingItemsQuery = z.infer<typeof WaitingItemsQuery>;
