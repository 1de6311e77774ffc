import type { PartyPart } from './party.part.ts';
import { REPORTING_NOTIFICATIONS } from './party.reporting.notifications.ts';
import { reportingRoutes } from './party.reporting.routes.ts';
import { seedReporting } from './party.reporting.seed.ts';
import { reportingResidentHome } from './use-cases/reporting-resident-home.ts';
import { reportingStaffHome } from './use-cases/reporting-staff-home.ts';

/**
 * The reporting part of the party module (see party.part.ts): 双报到 — a workplace organisation's liaison reports it
 * to a community, an employed member reports to the community where they live, and the community confirms (only a
 * confirmed report counts); the community's service projects with posts; organisations claim projects for a year,
 * members claim posts; the community records members' service (points from minutes), totalled per year for the
 * letters part's annual letter (use-cases/services-totals.ts).
 */
export const reportingPart: PartyPart = {
  routes: async (app, kernel) => reportingRoutes(app, kernel),
  templates: REPORTING_NOTIFICATIONS,
  staffHome: reportingStaffHome,
  residentHome: reportingResidentHome,
  seed: seedReporting,
};
