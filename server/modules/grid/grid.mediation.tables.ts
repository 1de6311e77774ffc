/**
 * Kysely types of the mediation part's tables: 人民调解: committees, mediators, cases, sessions, agreements (migrations/0077_grid_mediation.sql). Every row carries its street, the distribution key.
 */
export interface MediationTables {}
