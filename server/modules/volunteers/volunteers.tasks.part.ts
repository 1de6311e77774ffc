import type { VolunteersPart } from './volunteers.part.ts';

/** The tasks part of the volunteers module (see volunteers.part.ts). */
export const tasksPart: VolunteersPart = {};
