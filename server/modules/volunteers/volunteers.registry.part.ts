import type { VolunteersPart } from './volunteers.part.ts';

/** The registry part of the volunteers module (see volunteers.part.ts). */
export const registryPart: VolunteersPart = {};
