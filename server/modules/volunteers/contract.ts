/**
 * What the web may know of the volunteers module (scripts/check-boundaries.ts holds it): its vocabulary (runtime
 * values, free of server dependencies), and the types of its requests and answers (type-only). Each part adds its
 * types in its own block below.
 */
export * from './volunteers.constants.ts';
export type { VolunteerStatus, ListingKind, ListingStatus, LedgerSource } from './volunteers.tables.ts';
// lending part: tools and books lent between neighbours.
export * from './volunteers.lending.constants.ts';
export type { LoanStatus } from './volunteers.tables.ts';
export type { CatalogueItem, Catalogue } from './use-cases/lending-catalogue.ts';
export type { LendingItemView } from './use-cases/lending-item.ts';
export type { MyLending, MyLendingItem } from './use-cases/lending-mine.ts';
export type { LoanView, TimelineStep } from './use-cases/lending-access.ts';
export type { LoanListRow } from './use-cases/lending-loans-list.ts';
// end of the lending part
