import type { PartyPart } from './party.part.ts';

/** The activities part of the party module (see party.part.ts). */
export const activitiesPart: PartyPart = {};
