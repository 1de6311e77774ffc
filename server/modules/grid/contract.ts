/**
 * What the web may know of the grid module (scripts/check-boundaries.ts holds it): its vocabulary (runtime values,
 * free of server dependencies), and the types of its requests and answers (type-only). Each part adds its types in
 * its own block below.
 */
export * from './grid.constants.ts';
export type { FileSubject, FileKind } from './grid.tables.ts';
// collection part (四个实有):
export * from './grid.collection.constants.ts';
export type { RecordKind, RecordStatus, RecordRelation, LegalKind, ComponentKind, ComponentCondition, SpotStatus } from './grid.tables.ts';
export type { RecordBody, RecordsQuery, CheckBody, SettingsBody, CommissionBody } from './grid.collection.schemas.ts';
export type { RecordListRow } from './use-cases/collection-records-list.ts';
export type { RecordDetail, RegistryMatch } from './use-cases/collection-record-get.ts';
export type { CompanyMonth } from './use-cases/collection-statements.ts';
