import type { SupervisionPart } from './supervision.part.ts';

/**
 * The stars part of the supervision module (see supervision.part.ts): 有礼小区 三类五星: a compound applies for a star level, a third-party assessor scores the 54-indicator sheet with evidence, the street confirms the star with a second approver, the reward for moving up is paid through payout statements, at most 30% of it to the property company.
 */
export const starsPart: SupervisionPart = {};
