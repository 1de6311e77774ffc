import { mediationFigures } from './grid.mediation.figures.ts';
import { mediationRoutes } from './grid.mediation.routes.ts';
import { seedMediation } from './grid.mediation.seed.ts';
import { mediationTemplates } from './grid.mediation.templates.ts';
import type { GridPart } from './grid.part.ts';
import { overdueMediationJob } from './use-cases/mediation-overdue.ts';
import { mediationStaffHome } from './use-cases/mediation-staff-home.ts';
import { mediationWatch } from './grid.mediation.watch.ts';

/**
 * The mediation part of the grid module (人民调解): committees at the communities and the street with their
 * mediators; cases from any source with their parties (masked to all but the assigned mediators), acceptance with a
 * 30-day limit, sessions, an agreement (PDF for signing, the signed scan), failure with referral, escalation to the
 * street's committee, court confirmation within 30 days of signing, follow-up visits; the hourly overdue job; figures.
 */
export const mediationPart: GridPart = {
  routes: async (app, kernel) => mediationRoutes(app, kernel),
  templates: mediationTemplates,
  jobs: [overdueMediationJob],
  figures: mediationFigures,
  watchlist: mediationWatch,
  staffHome: mediationStaffHome,
  seed: seedMediation,
};
