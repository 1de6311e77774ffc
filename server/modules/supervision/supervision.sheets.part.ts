import type { SupervisionPart } from './supervision.part.ts';
import { sheetsRoutes } from './supervision.sheets.routes.ts';
import { seedSheets } from './supervision.sheets.seed.ts';
import { retireSheetsJob } from './use-cases/retire-sheets.ts';
import { sheetsStaffHome } from './use-cases/sheets-staff-home.ts';

/**
 * The sheets part of the supervision module (see supervision.part.ts): versioned indicator sheets (frozen once in
 * use; a new version applies from the next quarter), inspections of compounds on them (from a phone too), and
 * `inspectionScoresFor`, the inspection input the assessment part reads (index.ts).
 */
export const sheetsPart: SupervisionPart = {
  routes: async (app, kernel) => sheetsRoutes(app, kernel),
  jobs: [retireSheetsJob],
  staffHome: sheetsStaffHome,
  seed: seedSheets,
};
