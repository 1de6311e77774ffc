import type { VolunteersPart } from './volunteers.part.ts';

/** The boards part of the volunteers module (see volunteers.part.ts). */
export const boardsPart: VolunteersPart = {};
