import type { PartyPart } from './party.part.ts';

/** The reporting part of the party module (see party.part.ts). */
export const reportingPart: PartyPart = {};
