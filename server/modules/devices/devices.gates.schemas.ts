import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { DEVICE_KINDS, RETENTION_DAYS_MAX } from './devices.constants.ts';
import { DEVICE_LOCATION_MAX, DEVICE_NAME_MAX, DISABLE_REASON_MAX, MOVEMENT_KINDS, MOVEMENT_RESULTS } from './devices.gates.constants.ts';
import { DevicesSort } from './use-cases/gates-devices-list.ts';
import { MovementsSort } from './use-cases/gates-movements-list.ts';

const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);

export const IdParams = z.object({ id: Id }).strict();

/** Register a device at a compound: the answer carries its secret, once. */
export const RegisterDeviceBody = z.object({ placeId: Id, kind: z.enum(DEVICE_KINDS), name: Text(DEVICE_NAME_MAX).min(1), location: Text(DEVICE_LOCATION_MAX).default('') }).strict();
export type RegisterDeviceBody = z.infer<typeof RegisterDeviceBody>;
export const DisableDeviceBody = z.object({ reason: Text(DISABLE_REASON_MAX).min(1) }).strict();
export type DisableDeviceBody = z.infer<typeof DisableDeviceBody>;

export const DevicesQuery = PageQuery.extend({
  q: Text(40).min(1).optional(),
  placeId: Id.optional(),
  kind: z.enum(DEVICE_KINDS).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  online: z.enum(['online', 'offline']).optional(),
  ...DevicesSort.query,
});
export type DevicesQuery = z.infer<typeof DevicesQuery>;

export const MovementsQuery = PageQuery.extend({
  /** A compound, or a community or street above compounds: every compound under it. */
  placeId: Id.optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  result: z.enum(MOVEMENT_RESULTS).optional(),
  direction: z.enum(['in', 'out']).optional(),
  /** China days, inclusive. */
  from: Day.optional(),
  to: Day.optional(),
  /** A plate or a card number (or its last digits). */
  q: Text(20).min(1).optional(),
  ...MovementsSort.query,
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from after to', path: ['from'] });
export type MovementsQuery = z.infer<typeof MovementsQuery>;

export const RetentionQuery = z.object({ streetId: Id.optional() }).strict();
export type RetentionQuery = z.infer<typeof RetentionQuery>;
export const RetentionBody = z.object({ streetId: Id, retentionDays: z.int().min(1).max(RETENTION_DAYS_MAX) }).strict();
export type RetentionBody = z.infer<typeof RetentionBody>;
