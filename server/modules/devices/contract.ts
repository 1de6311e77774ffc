/**
 * What the web may know of the devices module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part adds its
 * types from its own contract file.
 */
export * from './devices.constants.ts';
export type * from './devices.tables.ts';
export * from './devices.gates.contract.ts';
export * from './devices.visitors.contract.ts';
export * from './devices.parking.contract.ts';
