/** Kysely types of the rectification part's tables (its migration). */
export interface RectificationTables {}
