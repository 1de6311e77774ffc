/**
 * Kysely types of the social part's tables: social organisations and 公益创投 rounds (migrations/0078_grid_social.sql). Every row carries its street, the distribution key.
 */
export interface SocialTables {}
