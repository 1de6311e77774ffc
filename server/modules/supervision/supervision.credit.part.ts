import type { SupervisionPart } from './supervision.part.ts';

/**
 * The credit part of the supervision module (see supervision.part.ts): company credit (records from assessments and rectification notices, complaints and awards; a score and grade by the street's formula; credit repair) and the red and black list (published per period, black-list entry by rule with an appeal window, measures only as the street's rules list).
 */
export const creditPart: SupervisionPart = {};
