import { z } from 'zod';
import { PageQuery } from '../../kernel/pagination.ts';
import { NAME_MAX, NOTE_MAX, PERIOD_PATTERN } from './supervision.constants.ts';
import {
  EVIDENCE_FILE_KINDS,
  EVIDENCE_KINDS,
  FINDINGS_MAX,
  GUIDANCE_MAX,
  INDICATOR_CODE_MAX,
  INDICATOR_NAME_MAX,
  INDICATORS_MAX,
  INSPECTION_STATUSES,
  POINTS_MAX_CENTI,
  SCORING_METHODS,
  SECTIONS_MAX,
  SHEET_KINDS,
  SHEET_STATUSES,
} from './supervision.sheets.constants.ts';
import { InspectionsSort } from './use-cases/list-inspections.ts';
import { SheetsSort } from './use-cases/list-sheets.ts';

const Id = z.uuid();
const Name = z.string().trim().min(1).max(NAME_MAX);
const Period = z.string().regex(PERIOD_PATTERN);
const Search = z.string().trim().min(1).max(50);

export const IdParams = z.object({ id: Id });
export const ItemParams = z.object({ id: Id, indicatorId: Id });
export const FileParams = z.object({ id: Id, fileId: Id });

/** A new, empty draft of a kind of sheet at a street (the next version number). */
export const CreateSheetBody = z.object({ placeId: Id, kind: z.enum(SHEET_KINDS), name: Name });
export type CreateSheetBody = z.infer<typeof CreateSheetBody>;

/** An indicator as the editor sends it: points in hundredths. */
const IndicatorInput = z.object({
  code: z.string().trim().min(1).max(INDICATOR_CODE_MAX),
  name: z.string().trim().min(1).max(INDICATOR_NAME_MAX),
  guidance: z.string().trim().max(GUIDANCE_MAX).default(''),
  method: z.enum(SCORING_METHODS),
  maxCenti: z.number().int().min(1).max(POINTS_MAX_CENTI),
  deductionCenti: z.number().int().min(1).max(POINTS_MAX_CENTI).nullish(),
  evidence: z.enum(EVIDENCE_KINDS),
});
const SectionInput = z.object({
  name: z.string().trim().min(1).max(NAME_MAX),
  weight: z.number().int().min(0).max(100),
  indicators: z.array(IndicatorInput).max(INDICATORS_MAX),
});
/** A draft's whole content: its name, sections and indicators, replacing what it had. */
export const SaveSheetBody = z.object({ name: Name, sections: z.array(SectionInput).max(SECTIONS_MAX) });
export type SaveSheetBody = z.infer<typeof SaveSheetBody>;

export const SheetsQuery = PageQuery.extend({
  placeId: Id.optional(),
  kind: z.enum(SHEET_KINDS).optional(),
  status: z.enum(SHEET_STATUSES).optional(),
  q: Search.optional(),
  ...SheetsSort.query,
});
export type SheetsQuery = z.infer<typeof SheetsQuery>;

/** Start an inspection of a compound; the period defaults to the current quarter, the kind to property service. */
export const StartInspectionBody = z.object({ compoundId: Id, period: Period.optional(), kind: z.enum(SHEET_KINDS).default('property_service') });
export type StartInspectionBody = z.infer<typeof StartInspectionBody>;

/** One indicator's entry: the field of its method (points, findings or met) and a note. */
export const SaveItemBody = z.object({
  awardedCenti: z.number().int().min(0).max(POINTS_MAX_CENTI).nullish(),
  findings: z.number().int().min(0).max(FINDINGS_MAX).optional(),
  met: z.boolean().nullish(),
  note: z.string().trim().max(NOTE_MAX).optional(),
});
export type SaveItemBody = z.infer<typeof SaveItemBody>;

export const SubmitInspectionBody = z.object({ note: z.string().trim().max(NOTE_MAX).optional() });
export type SubmitInspectionBody = z.infer<typeof SubmitInspectionBody>;

/** The multipart text fields of an evidence upload: what the file is (by its content when not said). */
export const EvidenceFileFields = z.object({ kind: z.enum(EVIDENCE_FILE_KINDS).optional() });

export const InspectionsQuery = PageQuery.extend({
  placeId: Id.optional(),
  period: Period.optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  sheetId: Id.optional(),
  q: Search.optional(),
  ...InspectionsSort.query,
});
export type InspectionsQuery = z.infer<typeof InspectionsQuery>;
