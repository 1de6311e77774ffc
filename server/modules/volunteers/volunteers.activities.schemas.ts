import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { ACTIVITY_STATUSES, CAPACITY_MAX, CHECK_MODES, POINTS_PER_HOUR_MAX } from './volunteers.activities.constants.ts';
import { ActivitiesSort } from './use-cases/activities-list.ts';

const Id = z.uuid();
const At = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const Day = z.iso.date();

export const ActivityBody = z
  .object({
    placeId: Id,
    title: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000).default(''),
    venue: z.string().trim().min(1).max(100),
    startsAt: At,
    endsAt: At,
    capacity: z.number().int().min(1).max(CAPACITY_MAX),
    pointsPerHour: z.number().int().min(0).max(POINTS_PER_HOUR_MAX),
    skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  })
  .strict();
export type ActivityBody = z.infer<typeof ActivityBody>;

export const ActivitiesQuery = PageQuery.extend({
  placeId: Id.optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  /** toConfirm: activities with sign-outs whose hours wait for the organiser's confirmation (the to-do). */
  attention: z.enum(['toConfirm']).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...ActivitiesSort.query,
});
export type ActivitiesQuery = z.infer<typeof ActivitiesQuery>;

export const SignupParams = z.object({ id: Id, signupId: Id });
export const CancelBody = z.object({ reason: z.string().trim().min(1).max(200) }).strict();
export const CodeQuery = z.object({ mode: z.enum(CHECK_MODES).default('in') });
export const CheckInBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'six digits') }).strict();
export const AttendanceBody = z.object({ signedInAt: At.optional(), signedOutAt: At }).strict();
export type AttendanceBody = z.infer<typeof AttendanceBody>;
export const ConfirmBody = z.object({ signupIds: z.array(Id).min(1).max(1000).optional() }).strict();
export const PeriodQuery = z.object({ from: Day.optional(), to: Day.optional() });
export type PeriodQuery = z.infer<typeof PeriodQuery>;
export const VolunteerParams = z.object({ volunteerId: Id });
