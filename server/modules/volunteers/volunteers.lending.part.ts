import type { VolunteersPart } from './volunteers.part.ts';

/** The lending part of the volunteers module (see volunteers.part.ts). */
export const lendingPart: VolunteersPart = {};
