import { type Role, definePolicy } from '../../kernel/access/index.ts';
import { FEES_ROLES } from './fees.constants.ts';

/**
 * Who may do what with fees (fees.constants.ts FEES_ROLES says what each permission covers). Owners and
 * authorised tenants reach their own rooms' bills through their households (use-cases/payer-access.ts), not
 * through grants.
 */
export const FeesPolicy = {
  read: FEES_ROLES.read,
  bill: FEES_ROLES.bill,
  configure: FEES_ROLES.configure,
  approve: FEES_ROLES.approve,
  settle: FEES_ROLES.settle,
  figures: FEES_ROLES.figures,
} satisfies Record<string, readonly Role[]>;

export const { allows, authorize, placeFilter, holdsAnywhere } = definePolicy(FeesPolicy);
