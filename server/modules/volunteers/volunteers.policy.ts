import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { VOLUNTEERS_ROLES } from './volunteers.constants.ts';

/** Who may do what in volunteers and neighbour services: each permission lists the roles whose grant on a place allows it over its subtree. */
export const VolunteersPolicy = VOLUNTEERS_ROLES satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(VolunteersPolicy);
