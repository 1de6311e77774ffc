/** Kysely types of the credit part's tables (its migration in migrations/). */
export interface CreditTables {}
