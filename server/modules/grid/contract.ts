/**
 * What the web may know of the grid module (scripts/check-boundaries.ts holds it): its vocabulary (runtime values,
 * free of server dependencies), and the types of its requests and answers (type-only). Each part adds its types in
 * its own block below.
 */
export * from './grid.constants.ts';
export type { FileSubject, FileKind } from './grid.tables.ts';
// events part: 网格事件 and 执法进小区 liaisons.
export * from './grid.events.constants.ts';
export type { EventBody, EventStatus, EventUrgency, EventLevel, LiaisonLine } from './grid.tables.ts';
export type { EventListRow } from './use-cases/events-list.ts';
export type { EventView, EventStep } from './use-cases/events-get.ts';
export type { ReportPlace } from './use-cases/events-places.ts';
export type { LiaisonRow } from './use-cases/events-liaisons-list.ts';
export type { PatrolRow } from './use-cases/events-patrols-list.ts';
export type { FileSummary } from './use-cases/files.ts';
// end of the events part
// collection part (四个实有):
export * from './grid.collection.constants.ts';
export type { RecordKind, RecordStatus, RecordRelation, LegalKind, ComponentKind, ComponentCondition, SpotStatus } from './grid.tables.ts';
export type { RecordBody, RecordsQuery, CheckBody, SettingsBody, CommissionBody } from './grid.collection.schemas.ts';
export type { RecordListRow } from './use-cases/collection-records-list.ts';
export type { RecordDetail, RegistryMatch } from './use-cases/collection-record-get.ts';
export type { CompanyMonth } from './use-cases/collection-statements.ts';
