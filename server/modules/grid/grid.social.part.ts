import { socialFigures } from './grid.social.figures.ts';
import type { GridPart } from './grid.part.ts';
import { ventureGrant } from './grid.social.payouts.ts';
import { socialRoutes } from './grid.social.routes.ts';
import { seedSocial } from './grid.social.seed.ts';
import { socialStaffHome } from './use-cases/social-staff-home.ts';

/**
 * The social part of the grid module: the street's community social organisations (社区社会组织) and its 公益创投
 * rounds — the call, applications with budgets, a panel scoring each application per criterion (never their own
 * organisation's), the funded list approved by a second account, milestones and reports with evidence, the final
 * evaluation; tranches paid through payout statements; three figures per street.
 */
export const socialPart: GridPart = {
  routes: async (app, kernel) => socialRoutes(app, kernel),
  payouts: [ventureGrant],
  figures: socialFigures,
  staffHome: socialStaffHome,
  seed: seedSocial,
};
