import type { VolunteersPart } from './volunteers.part.ts';

/** The green part of the volunteers module (see volunteers.part.ts). */
export const greenPart: VolunteersPart = {};
