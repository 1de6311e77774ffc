import type { SupervisionPart } from './supervision.part.ts';

/** The sheets part of the supervision module (see supervision.part.ts). */
export const sheetsPart: SupervisionPart = {};
