import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import {
  AGENCY_BOOKING_KINDS,
  AGENCY_BOOKING_SLOTS,
  AGENCY_BOOKING_STATUSES,
  AGENCY_CASE_STATUSES,
  AGENCY_HANDOVERS,
  AGENCY_OUTCOMES,
  DOCUMENT_LABEL_MAX,
  MAX_SERVICE_DOCUMENTS,
} from './grid.agency.constants.ts';
import { NAME_MAX, NOTE_MAX } from './grid.constants.ts';
import { BookingsSort } from './use-cases/agency-bookings-list.ts';
import { CasesSort } from './use-cases/agency-cases-list.ts';

const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().max(max);
const Bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** A service on the street's list: documents asked for, time limit in days, pay per completed case in fen. */
export const ServiceBody = z
  .object({
    streetId: Id.optional(),
    name: Text(NAME_MAX).min(1),
    documents: z.array(Text(DOCUMENT_LABEL_MAX).min(1)).max(MAX_SERVICE_DOCUMENTS).default([]),
    timeLimitDays: z.coerce.number().int().min(1).max(365),
    payFen: z.coerce.number().int().min(0).max(100_000_000),
    active: z.boolean().default(true),
  })
  .strict();
export type ServiceBody = z.infer<typeof ServiceBody>;

export const SettingsBody = z.object({ streetId: Id.optional(), documentRetentionDays: z.coerce.number().int().min(1).max(3650) }).strict();
export type SettingsBody = z.infer<typeof SettingsBody>;
export const StreetQuery = z.object({ streetId: Id.optional() });
export type StreetQuery = z.infer<typeof StreetQuery>;

/** A property office as an agency point: its compound, the company serving it, how to find it, what it accepts. */
export const PointBody = z
  .object({
    compoundId: Id,
    companyId: Id,
    name: Text(NAME_MAX).min(1),
    address: Text(100).default(''),
    hours: Text(100).default(''),
    phone: Text(30).default(''),
    serviceIds: z.array(Id).max(50).default([]),
    active: z.boolean().default(true),
  })
  .strict();
export type PointBody = z.infer<typeof PointBody>;

export const ResidentsQuery = z.object({ q: Text(30).optional() });
export type ResidentsQuery = z.infer<typeof ResidentsQuery>;

/**
 * A new case (multipart with the documents): the applicant is a resident of the compound (personId) or someone not in
 * the registry (name and phone); `labels` names the documents in the order of the files, one per line.
 */
export const OpenCaseBody = z
  .object({
    pointId: Id,
    serviceId: Id,
    personId: Id.optional(),
    name: Text(NAME_MAX).min(1).optional(),
    phone: Text(20).optional(),
    idNumber: Text(30).optional(),
    labels: Text(600).optional(),
    note: Text(NOTE_MAX).default(''),
  })
  .strict();
export type OpenCaseBody = z.infer<typeof OpenCaseBody>;

export const SendBody = z.object({ note: Text(NOTE_MAX).default('') }).strict();
export type SendBody = z.infer<typeof SendBody>;
export const ResultBody = z
  .object({ outcome: z.enum(AGENCY_OUTCOMES), reason: Text(NOTE_MAX).optional() })
  .strict()
  .refine((b) => b.outcome !== 'refused' || !!b.reason, { message: 'a refusal needs its reason', path: ['reason'] });
export type ResultBody = z.infer<typeof ResultBody>;
export const HandoverBody = z.object({ day: Day.optional(), how: z.enum(AGENCY_HANDOVERS), note: Text(NOTE_MAX).default('') }).strict();
export type HandoverBody = z.infer<typeof HandoverBody>;
export const ReasonBody = z.object({ reason: Text(NOTE_MAX).min(1) }).strict();
export type ReasonBody = z.infer<typeof ReasonBody>;

/** A status, or: open (not finished), overdue (open, past due), due (open, due within two days or overdue). */
export const CaseFilter = z.enum([...AGENCY_CASE_STATUSES, 'overdue', 'open', 'due']);
export const CasesQuery = PageQuery.extend({
  q: Text(50).min(1).optional(),
  serviceId: Id.optional(),
  pointId: Id.optional(),
  status: CaseFilter.optional(),
  overdue: Bool.optional(),
  ...CasesSort.query,
});
export type CasesQuery = z.infer<typeof CasesQuery>;

export const BookBody = z
  .object({
    pointId: Id,
    serviceId: Id.optional(),
    kind: z.enum(AGENCY_BOOKING_KINDS),
    day: Day,
    slot: z.enum(AGENCY_BOOKING_SLOTS),
    note: Text(200).default(''),
  })
  .strict();
export type BookBody = z.infer<typeof BookBody>;
export const BookingsQuery = PageQuery.extend({ pointId: Id.optional(), status: z.enum(AGENCY_BOOKING_STATUSES).optional(), ...BookingsSort.query });
export type BookingsQuery = z.infer<typeof BookingsQuery>;

export const FiguresQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(), pointId: Id.optional() });
export type FiguresQuery = z.infer<typeof FiguresQuery>;
