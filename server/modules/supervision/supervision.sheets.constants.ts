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
