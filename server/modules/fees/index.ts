import type { Module, StaffHomeSlice } from '../../kernel/module.ts';
import { billsPart } from './fees.bills.part.ts';
import { FEES_CORE_NOTIFICATIONS } from './fees.notifications.ts';
import { arrearsPart } from './fees.arrears.part.ts';
import { paymentsPart } from './fees.payments.part.ts';
import { subsidiesPart } from './fees.subsidies.part.ts';

/** The parts in the order their demo runs: bills first (payments pay them; arrears read what is left unpaid). */
const parts = [billsPart, paymentsPart, arrearsPart, subsidiesPart];

/**
 * 物业费 (Property fees): prices, bills, payments through a gateway (a sandbox built in), receipts, arrears,
 * settlement and collection rates. The platform records and reconciles money; it never holds it.
 */
export const feesModule: Module = {
  name: 'fees',
  routes: async (app, kernel) => {
    for (const part of parts) await part.routes?.(app, kernel);
  },
  approvals: parts.flatMap((p) => p.approvals ?? []),
  jobs: parts.flatMap((p) => p.jobs ?? []),
  payouts: parts.flatMap((p) => p.payouts ?? []),
  publicPages: parts.flatMap((p) => p.publicPages ?? []),
  figures: parts.flatMap((p) => p.figures ?? []),
  notifications: { templates: [...FEES_CORE_NOTIFICATIONS, ...parts.flatMap((p) => p.templates ?? [])] },
  staffHome: async (ctx) => {
    const slices = await Promise.all(parts.map((p) => p.staffHome?.(ctx)));
    return slices.reduce<StaffHomeSlice>((all, s) => ({ todos: [...(all.todos ?? []), ...(s?.todos ?? [])], figures: [...(all.figures ?? []), ...(s?.figures ?? [])] }), {});
  },
  residentHome: async (ctx) => Object.assign({}, ...(await Promise.all(parts.map((p) => p.residentHome?.(ctx) ?? {})))),
  recover: async (kernel) => {
    for (const part of parts) await part.recover?.(kernel);
  },
  demo: {
    seed: async (kernel, demo) => {
      const done: unknown[] = [];
      for (const part of parts) done.push(await part.seed?.(kernel, demo));
      return done;
    },
  },
};

export { FeesPolicy } from './fees.policy.ts';
export type { FeesTables } from './fees.tables.ts';
/** Stable hooks for the grid and mediation modules (docs/ARCHITECTURE.md, "Fees → grid and mediation"). */
export { arrearsCasesForVisit, arrearsCasesForMediation, recordArrearsVisit, recordArrearsMediation, type ArrearsCaseForWork } from './use-cases/arrears-cases.ts';
/** Bills a street's due elevator cost shares (the hourly job runs it; the decisions module's elevator test checks the hand-off). */
export { billCostShares } from './use-cases/bill-cost-shares.ts';
