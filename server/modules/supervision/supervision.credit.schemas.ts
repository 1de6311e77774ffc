import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import {
  CREDIT_BASIS_MAX,
  CREDIT_GRADES,
  CREDIT_POINTS_MAX,
  CREDIT_RECORD_KINDS,
  CREDIT_REPAIR_STATUSES,
  CREDIT_STATEMENT_MAX,
  type CreditRecordKind,
  MANUAL_CREDIT_KINDS,
} from './supervision.credit.constants.ts';
import { NOTE_MAX } from './supervision.constants.ts';
import { CreditCompaniesSort } from './use-cases/list-credit-companies.ts';
import { CreditRepairsSort } from './use-cases/list-credit-repairs.ts';

const Id = z.uuid();
const Points = z.number().int().min(-CREDIT_POINTS_MAX).max(CREDIT_POINTS_MAX);
const text = (max: number) => z.string().trim().min(1).max(max);

/** A kind's rule: fixed points (signed: good kinds positive, bad negative) or, for an award, a range; and its basis. */
const KindRule = z.object({ points: Points.optional(), min: Points.optional(), max: Points.optional(), basis: text(CREDIT_BASIS_MAX) }).strict();
const Kinds = z.object(Object.fromEntries(CREDIT_RECORD_KINDS.map((k) => [k, KindRule])) as Record<CreditRecordKind, typeof KindRule>).strict();
const Band = z.object({ grade: z.enum(CREDIT_GRADES), from: z.number().int().min(0).max(2 * CREDIT_POINTS_MAX), to: z.number().int().min(0).max(2 * CREDIT_POINTS_MAX) }).strict();

export const CreditStreetQuery = z.object({ streetId: Id });
export const CreditSettingsBody = z
  .object({
    streetId: Id,
    baseCenti: z.number().int().min(0).max(CREDIT_POINTS_MAX),
    capCenti: z.number().int().min(0).max(CREDIT_POINTS_MAX),
    validityMonths: z.number().int().min(1).max(120),
    bands: z.array(Band).min(1).max(CREDIT_GRADES.length),
    kinds: Kinds,
  })
  .strict();
export type CreditSettingsBody = z.infer<typeof CreditSettingsBody>;

export const CreditSyncBody = z.object({ streetId: Id }).strict();

export const CreditCompaniesQuery = PageQuery.extend({
  placeId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  grade: z.enum(CREDIT_GRADES).optional(),
  ...CreditCompaniesSort.query,
});
export type CreditCompaniesQuery = z.infer<typeof CreditCompaniesQuery>;

export const CompanyParams = z.object({ companyId: Id });

/** A record entered by hand (multipart: these fields as text and up to 9 evidence files `files`, or JSON). */
export const AddCreditRecordFields = z
  .object({
    companyId: Id,
    kind: z.enum(MANUAL_CREDIT_KINDS),
    pointsCenti: z.coerce.number().int().min(-CREDIT_POINTS_MAX).max(CREDIT_POINTS_MAX).optional(),
    note: text(NOTE_MAX),
  })
  .strict();
export type AddCreditRecordFields = z.infer<typeof AddCreditRecordFields>;

export const RecordParams = z.object({ id: Id });
export const FileParams = z.object({ fileId: Id });

/** A repair application (multipart: `statement` and up to 9 evidence files `files`, or JSON). */
export const ApplyRepairFields = z.object({ statement: text(CREDIT_STATEMENT_MAX) }).strict();
export type ApplyRepairFields = z.infer<typeof ApplyRepairFields>;

export const DecideRepairBody = z.object({ decision: z.enum(['approve', 'reject']), reason: text(NOTE_MAX) }).strict();
export type DecideRepairBody = z.infer<typeof DecideRepairBody>;

export const CreditRepairsQuery = PageQuery.extend({
  placeId: Id.optional(),
  companyId: Id.optional(),
  status: z.enum(CREDIT_REPAIR_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  ...CreditRepairsSort.query,
});
export type CreditRepairsQuery = z.infer<typeof CreditRepairsQuery>;
