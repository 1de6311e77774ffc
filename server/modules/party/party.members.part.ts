import type { PartyPart } from './party.part.ts';

/** The members part of the party module (see party.part.ts). */
export const membersPart: PartyPart = {};
