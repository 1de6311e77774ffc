/** The gates part's types the web reads (type-only exports, and its constants). */
export * from './devices.gates.constants.ts';
export type { DeviceKeyAnswer } from './use-cases/gates-device-register.ts';
export type { DeviceRow } from './use-cases/gates-devices-list.ts';
export type { MovementRow } from './use-cases/gates-movements-list.ts';
export type { RetentionSetting } from './use-cases/gates-retention-settings.ts';
export type { DevicesQuery, MovementsQuery, RegisterDeviceBody } from './devices.gates.schemas.ts';
