/** The parking part's types the web reads (type-only exports, and its constants). */
export * from './devices.parking.constants.ts';
export type { CarParkLive, LiveSpace } from './use-cases/parking-live.ts';
export type { SpaceRow } from './use-cases/parking-spaces-list.ts';
export type { SessionRow } from './use-cases/parking-sessions-list.ts';
export type { AlertRow } from './use-cases/alerts-list.ts';
export type { AlertRuleRow } from './use-cases/alerts-rules-list.ts';
export type { SensorOption } from './use-cases/parking-sensors.ts';
