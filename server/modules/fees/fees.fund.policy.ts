import { definePolicy } from '../../kernel/access/index.ts';
import { FUND_ROLES } from './fees.fund.constants.ts';

/** Who may do what with the maintenance fund (fees.fund.constants.ts FUND_ROLES says what each covers). */
export const FundPolicy = FUND_ROLES;
export const { allows: fundAllows, authorize: fundAuthorize, placeFilter: fundPlaceFilter, holdsAnywhere: fundHoldsAnywhere } = definePolicy(FundPolicy);
