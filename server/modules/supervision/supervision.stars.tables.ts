/** Kysely types of the stars part's tables (its migration in migrations/). */
export interface StarsTables {}
