import type { VolunteersPart } from './volunteers.part.ts';
import { registryFigures } from './volunteers.registry.figures.ts';
import { registryRoutes } from './volunteers.registry.routes.ts';
import { seedRegistry } from './volunteers.registry.seed.ts';
import { registryTemplates } from './volunteers.registry.templates.ts';
import { registryStaffHome } from './use-cases/registry-staff-home.ts';

/**
 * The registry part of the volunteers module (see volunteers.part.ts): residents register by real name at a compound
 * they live in, the community reviews them (approve, reject with a reason, suspend, restore) and forms teams; the
 * registered share per place (the 15% figure); a volunteer's points, hours and ledger; the rewards a community lists
 * and their redemption for points.
 */
export const registryPart: VolunteersPart = {
  routes: async (app, kernel) => registryRoutes(app, kernel),
  templates: registryTemplates,
  figures: registryFigures,
  staffHome: registryStaffHome,
  seed: seedRegistry,
};
