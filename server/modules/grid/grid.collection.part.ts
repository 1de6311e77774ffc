import type { GridPart } from './grid.part.ts';
import { collectionRoutes } from './grid.collection.routes.ts';
import { seedCollection } from './grid.collection.seed.ts';
import { collectionIncentivePayout } from './use-cases/collection-payout.ts';
import { collectionStaffHome } from './use-cases/collection-staff-home.ts';

/**
 * The collection part of the grid module (四个实有): the street commissions property companies to collect in
 * compounds; grid workers and commissioned property staff submit records (arrivals and departures with the rental
 * registration, legal persons, components); the residents' committee checks each once against the registry and a
 * verified new one is applied through the registry's public face; commissioned companies earn a per-record
 * incentive paid through monthly payout statements, drawn records only after a passed spot check.
 */
export const collectionPart: GridPart = {
  routes: async (app, kernel) => collectionRoutes(app, kernel),
  payouts: [collectionIncentivePayout],
  staffHome: collectionStaffHome,
  seed: seedCollection,
};
