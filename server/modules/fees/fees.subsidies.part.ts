import type { Ctx } from '../../kernel/context.ts';
import type { FeesPart } from './fees.part.ts';
import { paySubsidyPayout } from './fees.subsidies.payouts.ts';
import { subsidyFigures } from './fees.subsidies.figures.ts';
import { subsidiesRoutes } from './fees.subsidies.routes.ts';
import { seedSubsidies } from './fees.subsidies.seed.ts';
import { listMySubsidies } from './use-cases/subsidy-reads.ts';

/**
 * The subsidies part of the fees module (先缴后补, issue 19 §2): the street's policy, a subsidy line for each paid
 * bill of an eligible household (book-payment.ts → grant-subsidies.ts), paid through the kernel's payout statements,
 * the household's view of it on the H5, and figures per place.
 */
export const subsidiesPart: FeesPart = {
  routes: subsidiesRoutes,
  payouts: [paySubsidyPayout],
  figures: subsidyFigures,
  residentHome: async (ctx: Ctx) => {
    if (!ctx.actor.personId) return {};
    const mine = await listMySubsidies(ctx, { page: 1, pageSize: 1 });
    return mine.total > 0 ? { feesSubsidies: { grantedFen: mine.totals.grantedFen, paidFen: mine.totals.paidFen } } : {};
  },
  seed: seedSubsidies,
};
