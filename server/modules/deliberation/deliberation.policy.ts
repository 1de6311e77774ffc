import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { DELIBERATION_ROLES } from './deliberation.constants.ts';

/** Who may do what in deliberation: each permission lists the roles whose grant on a place allows it over its subtree. */
export const DeliberationPolicy = {
  read: DELIBERATION_ROLES.read,
  write: DELIBERATION_ROLES.write,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter } = definePolicy(DeliberationPolicy);
