/** Kysely types of the assessment part's tables (its migration). */
export interface AssessmentTables {}
