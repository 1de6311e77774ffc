import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { ALERT_KINDS, ALERT_STATUSES, FEE_STATUSES, SETTLE_STATUSES, SPACE_KINDS } from './devices.parking.constants.ts';
import { AlertsSort } from './use-cases/alerts-list.ts';
import { SessionsSort } from './use-cases/parking-sessions-list.ts';
import { SpacesSort } from './use-cases/parking-spaces-list.ts';

const Id = z.uuid();
const Text = (max: number) => z.string().trim().max(max);
const SpaceNo = z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{1,20}$/, 'letters, digits and -');
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

export const PlaceParams = z.object({ placeId: Id });
export const LiveQuery = z.object({ q: Text(30).min(1).optional() });
export type LiveQuery = z.infer<typeof LiveQuery>;

/** The tariff of temporary parking at a compound. */
export const TariffBody = z
  .object({ freeMinutes: z.coerce.number().int().min(0).max(1440), hourlyFen: z.coerce.number().int().min(0).max(100000), dailyCapFen: z.coerce.number().int().min(0).max(1000000) })
  .strict();
export type TariffBody = z.infer<typeof TariffBody>;

export const SpacesQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: Text(20).min(1).optional(),
  kind: z.enum(SPACE_KINDS).optional(),
  occupied: z.enum(['true', 'false']).optional(),
  ...SpacesSort.query,
});
export type SpacesQuery = z.infer<typeof SpacesQuery>;

/** One space (`no`) or a batch (`no` to `to`, e.g. B1-001 to B1-050: one prefix, the numbers counted up, zero-padded as `no`). */
export const AddSpacesBody = z
  .object({ placeId: Id, no: SpaceNo, to: SpaceNo.optional(), kind: z.enum(SPACE_KINDS), roomId: Id.nullable().optional(), sensorDeviceId: Id.nullable().optional() })
  .strict()
  .refine((b) => !(b.to && b.sensorDeviceId), { message: 'a sensor names one space', path: ['sensorDeviceId'] });
export type AddSpacesBody = z.infer<typeof AddSpacesBody>;

export const UpdateSpaceBody = z.object({ kind: z.enum(SPACE_KINDS).optional(), roomId: Id.nullable().optional(), sensorDeviceId: Id.nullable().optional() }).strict();
export type UpdateSpaceBody = z.infer<typeof UpdateSpaceBody>;

export const SessionsQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: Text(10).min(1).optional(),
  status: z.enum(FEE_STATUSES).optional(),
  ...SessionsSort.query,
});
export type SessionsQuery = z.infer<typeof SessionsQuery>;

export const SettleBody = z.object({ status: z.enum(SETTLE_STATUSES), note: Text(200).min(1) }).strict();
export type SettleBody = z.infer<typeof SettleBody>;

export const RuleBody = z
  .object({ placeId: Id, kind: z.enum(ALERT_KINDS), graceMinutes: z.coerce.number().int().min(0).max(1440).default(30), nightFrom: HourMinute.default('23:00'), nightTo: HourMinute.default('06:00'), enabled: z.boolean().default(true) })
  .strict();
export type RuleBody = z.infer<typeof RuleBody>;
export const UpdateRuleBody = z
  .object({ graceMinutes: z.coerce.number().int().min(0).max(1440).optional(), nightFrom: HourMinute.optional(), nightTo: HourMinute.optional(), enabled: z.boolean().optional() })
  .strict();
export type UpdateRuleBody = z.infer<typeof UpdateRuleBody>;

export const AlertsQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: Text(30).min(1).optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  ...AlertsSort.query,
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

export const HandleBody = z.object({ note: Text(500).min(1) }).strict();
export type HandleBody = z.infer<typeof HandleBody>;
