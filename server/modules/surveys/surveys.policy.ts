import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { SURVEYS_ROLES } from './surveys.constants.ts';

/** Who may do what in surveys: each permission lists the roles whose grant on a place allows it over its subtree. */
export const SurveysPolicy = {
  read: SURVEYS_ROLES.read,
  write: SURVEYS_ROLES.write,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter } = definePolicy(SurveysPolicy);
