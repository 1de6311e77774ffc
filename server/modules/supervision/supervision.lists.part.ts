import type { SupervisionPart } from './supervision.part.ts';

/**
 * The lists part of the supervision module (see supervision.part.ts): the red and black list (红黑榜) published each
 * quarter from the companies' credit grades, black-list entry by the street's rule with an appeal window and a
 * recorded decision, and the measures that follow — only those the street's rules list, each citing its basis.
 */
export const listsPart: SupervisionPart = {};
