import type { SupervisionPart } from './supervision.part.ts';
import { creditRoutes } from './supervision.credit.routes.ts';
import { seedCredit } from './supervision.credit.seed.ts';
import { creditStaffHome } from './use-cases/credit-staff-home.ts';
import { myCreditGrades } from './use-cases/my-credit-grades.ts';
import { syncCreditRecordsJob } from './use-cases/sync-credit-records.ts';

/**
 * The credit part of the supervision module (see supervision.part.ts): company credit — good and bad records from
 * the published assessment and rectification notices (synced hourly and by a button), complaints upheld and awards
 * entered by the street; a score and grade by the street's published, versioned formula; credit repair (信用修复)
 * applied for by the company and decided by the street; the resident sees their company's grade. The red and black
 * list (lists part) reads the grades through use-cases/company-credit-grades.ts.
 */
export const creditPart: SupervisionPart = {
  routes: async (app, kernel) => creditRoutes(app, kernel),
  jobs: [syncCreditRecordsJob],
  staffHome: creditStaffHome,
  residentHome: async (ctx) => {
    const grades = await myCreditGrades(ctx);
    return grades.length ? { supervisionCredit: grades } : {};
  },
  seed: seedCredit,
};
