import type { VolunteersPart } from './volunteers.part.ts';
import { lendingRoutes } from './volunteers.lending.routes.ts';
import { seedLending } from './volunteers.lending.seed.ts';
import { lendingTemplates } from './volunteers.lending.templates.ts';
import { overdueLoansJob } from './use-cases/lending-remind-overdue.ts';

/**
 * The lending part of the volunteers module (see volunteers.part.ts): 工具图书 — the compound's tools and books (the
 * boards' listings of kind tool / book) lent between neighbours: requests, the owner's answer, due days, the return the
 * owner confirms, a daily reminder of loans past due, and the workbench's view of the loans.
 */
export const lendingPart: VolunteersPart = {
  routes: async (app, kernel) => lendingRoutes(app, kernel),
  templates: lendingTemplates,
  jobs: [overdueLoansJob],
  seed: seedLending,
};
