import type { VolunteersPart } from './volunteers.part.ts';

/** The activities part of the volunteers module (see volunteers.part.ts). */
export const activitiesPart: VolunteersPart = {};
