/**
 * What the web may know of the supervision module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only).
 */
export * from './supervision.constants.ts';
export * from './supervision.sheets.constants.ts';
/** The sheets part's requests and answers (type-only). */
export type { CreateSheetBody, SaveSheetBody, StartInspectionBody, SaveItemBody, SubmitInspectionBody } from './supervision.sheets.schemas.ts';
export type { SheetView } from './use-cases/sheet-view.ts';
export type { InspectionView } from './use-cases/inspection-view.ts';
export type { listSheets } from './use-cases/list-sheets.ts';
export type { listInspections } from './use-cases/list-inspections.ts';
export type { listInspectableCompounds } from './use-cases/list-inspectable-compounds.ts';
export * from './supervision.rectification.constants.ts';
export type { NoticeListItem, NoticeCompanyCounts } from './use-cases/list-notices.ts';
export type { NoticeDetail } from './use-cases/get-notice.ts';
export type { NoticePrefill } from './use-cases/notice-prefill.ts';
