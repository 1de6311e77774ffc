import type { SupervisionPart } from './supervision.part.ts';
import { committeesRoutes } from './supervision.committees.routes.ts';
import { seedCommittees } from './supervision.committees.seed.ts';

/**
 * The committees part of the supervision module (see supervision.part.ts): 红色业委会: owners' committees rated on five dimensions with evidence into one to five stars, a list per street and the history per committee.
 */
export const committeesPart: SupervisionPart = {
  routes: async (app, kernel) => committeesRoutes(app, kernel),
  seed: seedCommittees,
};
