import { emergencyRoutes } from './grid.emergency.routes.ts';
import { seedEmergency } from './grid.emergency.seed.ts';
import { emergencyTemplates } from './grid.emergency.templates.ts';
import type { GridPart } from './grid.part.ts';
import { emergencyResidentHome } from './use-cases/emergency-resident-home.ts';
import { emergencyStaffHome } from './use-cases/emergency-staff-home.ts';

/**
 * The emergency part of the grid module (issue 25 §3): an official switches a compound, community or street into
 * emergency mode; duty rosters by day and post; door-to-door screening (入户排查) with a status per household, one
 * visitor at a time, buildings assigned to staff or volunteers, coverage per building in real time; volunteer
 * call-ups with slots; the notice pinned on every resident's home while it lasts; after the end, read-only.
 */
export const emergencyPart: GridPart = {
  routes: async (app, kernel) => emergencyRoutes(app, kernel),
  templates: emergencyTemplates,
  staffHome: emergencyStaffHome,
  residentHome: emergencyResidentHome,
  seed: seedEmergency,
};
