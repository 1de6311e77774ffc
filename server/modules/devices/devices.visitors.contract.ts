/** The visitors part's types the web reads (type-only exports, and its constants). */
export * from './devices.visitors.constants.ts';
export type { MyRoom, MyVehicle } from './use-cases/visitors-vehicles-mine.ts';
export type { VehicleListRow } from './use-cases/visitors-vehicles-list.ts';
export type { CardListRow } from './use-cases/visitors-cards-list.ts';
export type { MyPass } from './use-cases/visitors-passes-mine.ts';
export type { PassListRow } from './use-cases/visitors-passes-list.ts';
export type { VisitorsCompound, CompoundRoom } from './use-cases/visitors-compounds.ts';
