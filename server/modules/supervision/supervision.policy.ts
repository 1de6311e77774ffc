import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { SUPERVISION_ROLES } from './supervision.constants.ts';

/** Who may do what in supervision: each permission lists the roles whose grant on a place allows it over its subtree. */
export const SupervisionPolicy = SUPERVISION_ROLES satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(SupervisionPolicy);
