import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { DELIBERATION_ROLES } from './deliberation.constants.ts';

/**
 * Who may do what with deliberation items: each permission lists the roles whose grant on a place allows it
 * over its subtree (the lists are in deliberation.constants.ts, so the web offers only what a role can do).
 * Residents act through their households (support, rate: use-cases/resident-access.ts), never through a grant.
 */
export const DeliberationPolicy = DELIBERATION_ROLES satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(DeliberationPolicy);
