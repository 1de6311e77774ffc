import { z } from 'zod';
import type { DeviceKind } from './devices.tables.ts';

const Direction = z.enum(['in', 'out']);
/** A Chinese plate, normalised: upper case, no spaces or dots (粤B12345, 京AD12345). */
export const Plate = z
  .string()
  .transform((s) => s.replace(/[\s·.]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9\u4e00-\u9fa5]{5,10}$/, 'plate'));
const CardNo = z.string().trim().toUpperCase().pipe(z.string().regex(/^[0-9A-F]{6,20}$/, 'card'));
const PassCode = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'qr');
/** The device's own time of the event (ISO 8601); the server's receipt time when absent. */
const At = z.iso.datetime({ offset: true }).optional();

/** What a device reports, by kind: one event per request. */
export const DeviceEventBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('person'), direction: Direction, card: CardNo.optional(), qr: PassCode.optional(), at: At }).refine((e) => (e.card === undefined) !== (e.qr === undefined), 'a person event names a card or a QR pass'),
  z.strictObject({ kind: z.literal('vehicle'), direction: Direction, plate: Plate, qr: PassCode.optional(), at: At }),
  z.strictObject({ kind: z.literal('space'), space: z.string().regex(/^[A-Za-z0-9-]{1,20}$/), occupied: z.boolean(), at: At }),
  z.strictObject({ kind: z.literal('count'), direction: Direction, count: z.int().min(1).max(100), at: At }),
  z.strictObject({ kind: z.literal('heartbeat'), at: At }),
]);
export type DeviceEventBody = z.infer<typeof DeviceEventBody>;

/** Which device kind may report which event: gates see people, barriers vehicles, sensors spaces, counters lanes. */
export const EVENTS_OF: Record<DeviceKind, readonly DeviceEventBody['kind'][]> = {
  gate: ['person', 'heartbeat'],
  barrier: ['vehicle', 'heartbeat'],
  parking_sensor: ['space', 'heartbeat'],
  counter: ['count', 'heartbeat'],
};
