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
// agency part (政务服务代办点): its vocabulary and the plain types the web shows.
export * from './grid.agency.constants.ts';
export type { AgencyCaseStatus, AgencyOutcome, AgencyHandover, AgencyStep, AgencyBookingKind, AgencyBookingSlot, AgencyBookingStatus } from './grid.tables.ts';
export type { ServiceRow } from './use-cases/agency-services.ts';
export type { PointView, ApplicantOption } from './use-cases/agency-points.ts';
export type { CaseListRow } from './use-cases/agency-cases-list.ts';
export type { CaseView, CaseDocument, CaseStepView, CaseAction } from './use-cases/agency-cases-get.ts';
export type { BookingRow } from './use-cases/agency-bookings-list.ts';
export type { MyAgency, MyCaseCard, MyBooking, MyPoint } from './use-cases/agency-mine.ts';
export type { MyCaseView } from './use-cases/agency-mine-case.ts';
export type { ServiceFigureRow } from './use-cases/agency-figures.ts';
export type { AgencyCompound } from './use-cases/agency-compounds.ts';
// end of the agency part
// The second half's parts (issue 25), each from its own contract file.
export * from './grid.mediation.contract.ts';
export * from './grid.social.contract.ts';
export * from './grid.emergency.contract.ts';
