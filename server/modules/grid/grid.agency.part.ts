import { agencyFigures } from './grid.agency.figures.ts';
import { agencyCasePay } from './grid.agency.payouts.ts';
import { agencyRoutes } from './grid.agency.routes.ts';
import { seedAgency } from './grid.agency.seed.ts';
import { agencyTemplates } from './grid.agency.templates.ts';
import type { GridPart } from './grid.part.ts';
import { agencyRetentionJob } from './use-cases/agency-retention.ts';
import { agencyStaffHome } from './use-cases/agency-staff-home.ts';

/**
 * The agency part of the grid module (政务服务代办点): the street's list of services a property office may accept, the
 * points (property offices run by the company serving the compound), cases opened for residents with their documents
 * and steps (accepted → sent → result → handed over = completed, or withdrawn), residents' bookings, the retention job
 * that deletes completed cases' documents, the monthly per-case pay to each point, and the on-time figure.
 */
export const agencyPart: GridPart = {
  routes: async (app, kernel) => agencyRoutes(app, kernel),
  templates: agencyTemplates,
  jobs: [agencyRetentionJob],
  payouts: [agencyCasePay],
  figures: agencyFigures,
  staffHome: agencyStaffHome,
  seed: seedAgency,
};
