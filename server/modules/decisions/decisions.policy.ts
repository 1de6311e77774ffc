import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { DECISIONS_ROLES } from './decisions.constants.ts';

/** Who may do what in decisions: each permission lists the roles whose grant on a place allows it over its subtree. */
export const DecisionsPolicy = {
  read: DECISIONS_ROLES.read,
  organise: DECISIONS_ROLES.organise,
  approve: DECISIONS_ROLES.approve,
  seeChoices: DECISIONS_ROLES.seeChoices,
  draftRules: DECISIONS_ROLES.draftRules,
  confirmRules: DECISIONS_ROLES.confirmRules,
  callOwners: DECISIONS_ROLES.callOwners,
  configureVetting: DECISIONS_ROLES.configureVetting,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter } = definePolicy(DecisionsPolicy);
