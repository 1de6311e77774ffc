/** What the web may know of the emergency part (re-exported by contract.ts): its vocabulary and plain types. */
export * from './grid.emergency.constants.ts';
export type { DeclarationListRow } from './use-cases/emergency-list.ts';
export type { DeclarationView } from './use-cases/emergency-get.ts';
export type { Coverage, BuildingCoverage, StatusCounts } from './use-cases/emergency-coverage.ts';
export type { HouseholdListRow } from './use-cases/emergency-households-list.ts';
export type { DeclarablePlace } from './use-cases/emergency-places.ts';
export type { VisitorOption } from './use-cases/emergency-visitors.ts';
export type { MyVisitBuilding, MyVisitHousehold } from './use-cases/emergency-visits-mine.ts';
export type { MyCallUp } from './use-cases/emergency-callups-mine.ts';
export type { EmergencyNotice } from './use-cases/emergency-resident-home.ts';
