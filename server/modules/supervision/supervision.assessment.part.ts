import type { SupervisionPart } from './supervision.part.ts';

/** The assessment part of the supervision module (see supervision.part.ts). */
export const assessmentPart: SupervisionPart = {};
