/** The sheets-and-inspections part's vocabulary, free of dependencies: the web reads it through contract.ts. */

/** The kinds of sheet: the property-service standard, and the 有礼小区 civility sheet (Supervision 2/2). */
export const SHEET_KINDS = ['property_service', 'civility'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
export const SHEET_STATUSES = ['draft', 'active', 'retired'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];
/** points: 0..max awarded; deduction: max − per finding × findings (not below 0); yes_no: max or 0. */
export const SCORING_METHODS = ['points', 'deduction', 'yes_no'] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];
/** The evidence an indicator needs; without it the indicator is credited 0. */
export const EVIDENCE_KINDS = ['none', 'photo', 'document', 'photo_or_document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const INSPECTION_STATUSES = ['draft', 'submitted'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Limits of a sheet: sections, indicators per sheet (the 有礼小区 sheet has 54), text lengths. */
export const SECTIONS_MAX = 12;
export const INDICATORS_MAX = 120;
export const INDICATOR_CODE_MAX = 20;
export const INDICATOR_NAME_MAX = 200;
export const GUIDANCE_MAX = 1000;
/** An indicator's points in hundredths: at most 100.00 points. */
export const POINTS_MAX_CENTI = 10_000;
/** Problems recorded under one deduction indicator. */
export const FINDINGS_MAX = 999;
/** Evidence: files per indicator of an inspection, and the size of each (a phone photo, a scanned document). */
export const FILES_PER_ITEM = 6;
export const EVIDENCE_MAX_BYTES = 8 * 1024 * 1024;
/** The kinds of evidence file: a photo (an image) or a document (a PDF or an image of one). */
export const EVIDENCE_FILE_KINDS = ['photo', 'document'] as const;
export type EvidenceFileKind = (typeof EVIDENCE_FILE_KINDS)[number];
