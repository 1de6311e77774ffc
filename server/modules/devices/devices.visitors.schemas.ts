import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { Plate } from './devices.ingest.schemas.ts';
import { CARD_STATUSES, PASS_STATES, VEHICLE_KINDS, VEHICLE_STATUSES } from './devices.visitors.constants.ts';
import { CardsSort } from './use-cases/visitors-cards-list.ts';
import { PassesSort } from './use-cases/visitors-passes-list.ts';
import { VehiclesSort } from './use-cases/visitors-vehicles-list.ts';

const Id = z.uuid();
const Text = (max: number) => z.string().trim().max(max);
const Instant = z.iso.datetime({ offset: true });

/** A resident registers a vehicle to one of their rooms. */
export const VehicleBody = z.object({ roomId: Id, plate: Plate, kind: z.enum(VEHICLE_KINDS).default('car'), note: Text(100).default('') }).strict();
export type VehicleBody = z.infer<typeof VehicleBody>;

/** The property company approves or rejects a registration (a rejection says why). */
export const ReviewBody = z.object({ decision: z.enum(['approve', 'reject']), note: Text(200).default('') }).strict();
export type ReviewBody = z.infer<typeof ReviewBody>;

export const VehiclesQuery = PageQuery.extend({ placeId: Id.optional(), q: Text(30).min(1).optional(), status: z.enum(VEHICLE_STATUSES).optional(), ...VehiclesSort.query });
export type VehiclesQuery = z.infer<typeof VehiclesQuery>;

/** The property company issues an access card to a room of the compound. */
export const CardBody = z
  .object({ roomId: Id, cardNo: z.string().trim().toUpperCase().pipe(z.string().regex(/^[0-9A-F]{6,20}$/, 'card')), holderName: Text(40).default('') })
  .strict();
export type CardBody = z.infer<typeof CardBody>;
export const CardsQuery = PageQuery.extend({ placeId: Id.optional(), q: Text(30).min(1).optional(), status: z.enum(CARD_STATUSES).optional(), ...CardsSort.query });
export type CardsQuery = z.infer<typeof CardsQuery>;

/** A resident invites a visitor for a time window. */
export const PassBody = z
  .object({
    roomId: Id,
    visitorName: Text(40).min(1),
    visitorPhone: Text(20).optional(),
    plate: z.union([z.literal(''), Plate]).optional(),
    purpose: Text(100).default(''),
    validFrom: Instant,
    validTo: Instant,
  })
  .strict();
export type PassBody = z.infer<typeof PassBody>;
export const PassesQuery = PageQuery.extend({ placeId: Id.optional(), q: Text(30).min(1).optional(), state: z.enum(PASS_STATES).optional(), ...PassesSort.query });
export type PassesQuery = z.infer<typeof PassesQuery>;
export const MyPassesQuery = PageQuery.extend({ state: z.enum(PASS_STATES).optional() });
export type MyPassesQuery = z.infer<typeof MyPassesQuery>;

export const IdParams = z.object({ id: Id }).strict();
export const RoomsQuery = z.object({ q: Text(30).optional() }).strict();
