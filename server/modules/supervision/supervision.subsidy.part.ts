import type { SupervisionPart } from './supervision.part.ts';
import { subsidyFigures } from './supervision.subsidy.figures.ts';
import { standardSubsidyPayout } from './supervision.subsidy.payouts.ts';
import { subsidyRoutes } from './supervision.subsidy.routes.ts';
import { seedSubsidy } from './supervision.subsidy.seed.ts';

/**
 * The subsidy part of the supervision module (see supervision.part.ts): 达标补贴: for the old compounds the street lists, a company whose published assessment meets the standard gets the subsidy its policy computes, paid through payout statements.
 */
export const subsidyPart: SupervisionPart = {
  routes: async (app, kernel) => subsidyRoutes(app, kernel),
  payouts: [standardSubsidyPayout],
  figures: subsidyFigures,
  seed: seedSubsidy,
};
