/**
 * What the web may know of the volunteers module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part adds its
 * types in its own block below.
 */
export * from './volunteers.constants.ts';
export type { VolunteerStatus, ListingKind, ListingStatus, LedgerSource } from './volunteers.tables.ts';
// green part (认栽认养): its vocabulary and the plain types the web shows.
export * from './volunteers.green.constants.ts';
export type { GreenAdoptionStatus, GreenCareKind } from './volunteers.tables.ts';
