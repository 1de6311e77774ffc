import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { SURVEYS_ROLES } from './surveys.constants.ts';

/**
 * Who may do what in surveys: each permission lists the roles whose grant on a place allows it over its
 * subtree. `manage`: create, edit, publish, close, see results and export; `readResults`: see them.
 * Residents answer through their own households (use-cases/resident-surveys.ts), not through grants.
 */
export const SurveysPolicy = {
  manage: SURVEYS_ROLES.manage,
  readResults: SURVEYS_ROLES.readResults,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(SurveysPolicy);
