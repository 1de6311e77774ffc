import type { PartyPart } from './party.part.ts';

/** The letters part of the party module (see party.part.ts). */
export const lettersPart: PartyPart = {};
