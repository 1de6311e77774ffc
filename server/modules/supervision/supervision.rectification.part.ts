import type { SupervisionPart } from './supervision.part.ts';

/** The rectification part of the supervision module (see supervision.part.ts). */
export const rectificationPart: SupervisionPart = {};
