import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, SIGN_IN_MINUTES_DEFAULT, SIGN_IN_MINUTES_MAX, SIGN_IN_MINUTES_MIN } from './party.activities.constants.ts';
import { ActivitiesSort } from './use-cases/activities-list.ts';
import { AttendanceSort } from './use-cases/activities-attendance.ts';

const Id = z.uuid();
const At = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ActivityBody = z
  .object({
    branchId: Id,
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string().trim().min(1).max(100),
    startsAt: At,
    endsAt: At,
    venue: z.string().trim().min(1).max(100),
    agenda: z.string().trim().max(2000).default(''),
    includeReported: z.boolean().default(true),
  })
  .strict();
export type ActivityBody = z.infer<typeof ActivityBody>;

export const ActivitiesQuery = PageQuery.extend({
  placeId: Id.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...ActivitiesSort.query,
});
export type ActivitiesQuery = z.infer<typeof ActivitiesQuery>;

export const AttendanceQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...AttendanceSort.query,
});
export type AttendanceQuery = z.infer<typeof AttendanceQuery>;

export const ActivityParams = z.object({ id: Id });
export const AttendeeParams = z.object({ id: Id, attendeeId: Id });
export const CancelBody = z.object({ reason: z.string().trim().min(1).max(200) }).strict();
export const OpenSignInBody = z.object({ minutes: z.number().int().min(SIGN_IN_MINUTES_MIN).max(SIGN_IN_MINUTES_MAX).default(SIGN_IN_MINUTES_DEFAULT) }).strict();
export const SignInBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'six digits') }).strict();
export const MarkBody = z
  .object({ status: z.enum(['present', 'excused']), reason: z.string().trim().min(1).max(200).optional() })
  .strict()
  .refine((b) => b.status !== 'excused' || !!b.reason, { message: 'a reason for an excused absence', path: ['reason'] });
export type MarkBody = z.infer<typeof MarkBody>;
