import type { VolunteersPart } from './volunteers.part.ts';
import { greenFigures } from './volunteers.green.figures.ts';
import { greenRoutes } from './volunteers.green.routes.ts';
import { seedGreen } from './volunteers.green.seed.ts';
import { greenStaffHome } from './use-cases/green-staff-home.ts';
import { greenTemplates } from './volunteers.green.templates.ts';

/**
 * The green part of the volunteers module (see volunteers.part.ts), 认栽认养: a compound's green plots with their area,
 * residents' adoptions for a period (reviewed by the community or the property company), the adopters' care records
 * with photos, and the adoption rate by area (the figure `volunteers.green_adoption_rate` and a page per compound).
 */
export const greenPart: VolunteersPart = {
  routes: async (app, kernel) => greenRoutes(app, kernel),
  figures: greenFigures,
  staffHome: greenStaffHome,
  templates: greenTemplates,
  seed: seedGreen,
};
