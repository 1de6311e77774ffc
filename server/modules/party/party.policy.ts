import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { PARTY_ROLES } from './party.constants.ts';

/** Who may do what in party building: each permission lists the roles whose grant on a place allows it over its subtree. */
export const PartyPolicy = PARTY_ROLES satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(PartyPolicy);
