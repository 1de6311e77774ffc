/** Kysely types of the subsidy part's tables (its migration in migrations/). */
export interface SubsidyTables {}
