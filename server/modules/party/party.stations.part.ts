import type { PartyPart } from './party.part.ts';

/** The stations part of the party module (see party.part.ts). */
export const stationsPart: PartyPart = {};
