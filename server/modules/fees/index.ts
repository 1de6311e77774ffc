import type { Module } from '../../kernel/module.ts';
import { moduleOfParts } from '../../kernel/module-parts.ts';
import { billsPart } from './fees.bills.part.ts';
import { FEES_CORE_NOTIFICATIONS } from './fees.notifications.ts';
import { arrearsPart } from './fees.arrears.part.ts';
import { paymentsPart } from './fees.payments.part.ts';
import { subsidiesPart } from './fees.subsidies.part.ts';
import { ratingsPart } from './fees.ratings.part.ts';
import { fundPart } from './fees.fund.part.ts';
import { booksPart } from './fees.books.part.ts';

/**
 * The parts in the order their demo runs: bills first (payments pay them; arrears read what is left unpaid; the
 * subsidies, ratings and open books read what was paid).
 */
const parts = [billsPart, paymentsPart, arrearsPart, subsidiesPart, ratingsPart, fundPart, booksPart];

/**
 * 物业费 (Property fees): prices, bills, payments through a gateway (a sandbox built in), receipts, arrears,
 * settlement and collection rates. The platform records and reconciles money; it never holds it.
 */
export const feesModule: Module = moduleOfParts('fees', parts, { templates: FEES_CORE_NOTIFICATIONS });

export { FeesPolicy } from './fees.policy.ts';
export type { FeesTables } from './fees.tables.ts';
/** Stable hooks for the grid and mediation modules (docs/ARCHITECTURE.md, "Fees → grid and mediation"). */
export { arrearsCasesForVisit, arrearsCasesForMediation, recordArrearsVisit, recordArrearsMediation, type ArrearsCaseForWork } from './use-cases/arrears-cases.ts';
/** Bills a street's due elevator cost shares (the hourly job runs it; the decisions module's elevator test checks the hand-off). */
export { billCostShares } from './use-cases/bill-cost-shares.ts';
/**
 * The owner ratings (the pay-to-rate right) per compound and company, for the property-company assessment: sums and
 * counts, the caller divides. The assessment ALSO takes the satisfaction of all residents (repairs ratings,
 * surveys), so those who have not paid are not silenced (docs/ARCHITECTURE.md).
 */
export { ownerRatingsFor, type OwnerRatingsRow } from './use-cases/owner-ratings-for.ts';
