import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { STATION_SERVICE_MAX, STATION_SERVICES_MAX, STATION_STATUSES } from './party.stations.constants.ts';
import { StationsSort } from './use-cases/stations-list.ts';

const Id = z.uuid();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time, e.g. 09:00');
const Day = z.iso.date();

export const HoursSpan = z.object({ days: z.array(z.number().int().min(1).max(7)).min(1).max(7), opens: Time, closes: Time }).strict();

export const StationBody = z
  .object({
    compoundId: Id,
    name: z.string().trim().min(1).max(100),
    address: z.string().trim().min(1).max(200),
    hours: z.array(HoursSpan).max(14),
    services: z.array(z.string().trim().min(1).max(STATION_SERVICE_MAX)).max(STATION_SERVICES_MAX),
    phone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, 'a phone number'),
    status: z.enum(STATION_STATUSES).default('open'),
  })
  .strict();
export type StationBody = z.infer<typeof StationBody>;
export const StationUpdateBody = StationBody.omit({ compoundId: true });
export type StationUpdateBody = z.infer<typeof StationUpdateBody>;

export const StationsQuery = PageQuery.extend({
  placeId: Id.optional(),
  status: z.enum(STATION_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...StationsSort.query,
});
export type StationsQuery = z.infer<typeof StationsQuery>;

export const StationParams = z.object({ id: Id });
export const ShiftParams = z.object({ id: Id, shiftId: Id });
export const WeekQuery = z.object({ week: Day.optional() });

export const ShiftBody = z
  .object({
    day: Day,
    starts: Time,
    ends: Time,
    personId: Id.optional(),
    personName: z.string().trim().min(1).max(50).optional(),
    dutyRole: z.string().trim().max(30).default(''),
  })
  .strict()
  .refine((b) => !!b.personId || !!b.personName, { message: 'a person or a name', path: ['personName'] });
export type ShiftBody = z.infer<typeof ShiftBody>;
