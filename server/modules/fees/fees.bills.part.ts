import type { FeesPart } from './fees.part.ts';
import { FEES_ROLES } from './fees.constants.ts';
import { billsRoutes } from './fees.bills.routes.ts';
import { seedBillsDemo } from './fees.bills.seed.ts';
import { applyAdjustmentApproval } from './use-cases/request-adjustment.ts';
import { applyPriceApproval } from './use-cases/request-price-change.ts';
import { myDueTotal } from './use-cases/my-bills.ts';
import { runBillingJob } from './use-cases/run-billing-jobs.ts';

/**
 * The bills part of the fees module (see fees.part.ts): fee items and prices, vacancies, bill generation (on
 * demand and hourly), one-off and elevator bills, adjustments and write-offs, tenant authorisations, and the
 * bills staff and residents read.
 */
export const billsPart: FeesPart = {
  routes: async (app, kernel) => billsRoutes(app, kernel),
  approvals: [
    { kind: 'fees.price', approverRoles: FEES_ROLES.approve, apply: applyPriceApproval },
    { kind: 'fees.adjustment', approverRoles: FEES_ROLES.approve, apply: applyAdjustmentApproval },
  ],
  jobs: [{ name: 'fees.generate-bills', everyMs: 3_600_000, run: (kernel) => runBillingJob(kernel) }],
  templates: [
    {
      key: 'fees.bills_issued',
      label: { zh: '物业费账单', en: 'Property fee bills' },
      title: { zh: '{compound} {period} 物业费账单已出', en: '{compound}: property fee bills for {period}' },
      body: { zh: '{period} 的物业费账单已经出来了，可以在“我的账单”里查看和缴费。', en: 'The property fee bills for {period} are out: see and pay them under My bills.' },
      link: '/h5/fees',
    },
  ],
  residentHome: async (ctx) => {
    const due = await myDueTotal(ctx);
    return due ? { feesDue: due } : {};
  },
  seed: seedBillsDemo,
};
