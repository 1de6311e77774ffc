import type { SupervisionPart } from './supervision.part.ts';

/**
 * The committees part of the supervision module (see supervision.part.ts): 红色业委会: owners' committees rated on five dimensions with evidence into one to five stars, a list per street and the history per committee.
 */
export const committeesPart: SupervisionPart = {};
