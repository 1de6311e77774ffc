/** Kysely types of the committees part's tables (its migration in migrations/). */
export interface CommitteesTables {}
