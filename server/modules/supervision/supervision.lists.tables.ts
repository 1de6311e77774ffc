/** Kysely types of the lists part's tables (its migration in migrations/). */
export interface ListsTables {}
