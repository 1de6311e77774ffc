import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import {
  CHECK_OUTCOMES,
  COMPONENT_CONDITIONS,
  COMPONENT_KINDS,
  LEGAL_KINDS,
  MAX_INCENTIVE_FEN,
  REASON_MAX,
  RECORD_KINDS,
  RECORD_RELATIONS,
  RECORD_STATUSES,
  SPOT_STATUSES,
} from './grid.collection.constants.ts';
import { NAME_MAX, NOTE_MAX } from './grid.constants.ts';
import { RecordsSort } from './use-cases/collection-records-list.ts';

const Id = z.uuid();
const Day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A collected record (JSON, or multipart with a component's photos): the fields its kind needs — the use case
 * checks that each kind has them. Form fields arrive as text: the share is coerced.
 */
export const RecordBody = z
  .object({
    kind: z.enum(RECORD_KINDS),
    placeId: Id,
    name: Text(NAME_MAX).optional(),
    phone: z.string().trim().max(20).optional(),
    idNumber: z.string().trim().max(18).optional(),
    relation: z.enum(RECORD_RELATIONS).optional(),
    shareBp: z.coerce.number().int().min(1).max(10_000).optional(),
    date: Day.optional(),
    personId: Id.optional(),
    landlordPersonId: Id.optional(),
    landlordName: Text(NAME_MAX).optional(),
    contractStart: Day.optional(),
    contractEnd: Day.optional(),
    creditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '18 characters').optional(),
    legalKind: z.enum(LEGAL_KINDS).optional(),
    contact: z.string().trim().max(NAME_MAX).optional(),
    location: z.string().trim().max(200).optional(),
    componentKind: z.enum(COMPONENT_KINDS).optional(),
    condition: z.enum(COMPONENT_CONDITIONS).optional(),
    componentId: Id.optional(),
    note: z.string().trim().max(NOTE_MAX).optional(),
  })
  .strict();
export type RecordBody = z.infer<typeof RecordBody>;

export const RecordsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(50).optional(),
  kind: z.enum(RECORD_KINDS).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  spot: z.enum(SPOT_STATUSES).optional(),
  companyId: Id.optional(),
  placeId: Id.optional(),
  ...RecordsSort.query,
});
export type RecordsQuery = z.infer<typeof RecordsQuery>;

export const CheckBody = z.object({ outcome: z.enum(CHECK_OUTCOMES), reason: z.string().trim().max(REASON_MAX).optional() }).strict();
export type CheckBody = z.infer<typeof CheckBody>;

export const SpotCheckBody = z.object({ passed: z.boolean(), note: z.string().trim().max(REASON_MAX).default('') }).strict();
export type SpotCheckBody = z.infer<typeof SpotCheckBody>;

export const SettingsBody = z.object({ incentiveFen: z.number().int().min(0).max(MAX_INCENTIVE_FEN), spotCheckBp: z.number().int().min(0).max(10_000) }).strict();
export type SettingsBody = z.infer<typeof SettingsBody>;

export const CommissionBody = z
  .object({ companyId: Id, compoundId: Id, validFrom: Day, validUntil: Day.optional(), note: z.string().trim().max(NOTE_MAX).default('') })
  .strict();
export type CommissionBody = z.infer<typeof CommissionBody>;
export const CommissionEndBody = z.object({ validUntil: Day }).strict();

export const PlacesQuery = z.object({ q: z.string().trim().max(50).optional(), kind: z.enum(['room', 'site']).default('room') }).strict();
export type PlacesQuery = z.infer<typeof PlacesQuery>;

export const ActualsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(50).optional(),
  placeId: Id.optional(),
  kind: z.string().trim().max(30).optional(),
  condition: z.enum(COMPONENT_CONDITIONS).optional(),
});
export type ActualsQuery = z.infer<typeof ActualsQuery>;

export const MonthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional() }).strict();
export type MonthQuery = z.infer<typeof MonthQuery>;

export const CoverageQuery = z.object({ placeId: Id.optional(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM').optional() }).strict();
export type CoverageQuery = z.infer<typeof CoverageQuery>;

export const RoomIdParams = z.object({ id: Id });
