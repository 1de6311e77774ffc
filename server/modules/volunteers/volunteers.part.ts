import type { ModulePart } from '../../kernel/module-parts.ts';

/**
 * One part of the volunteers module (registry, activities, tasks, boards, lending, green): the slices of the manifest
 * it adds, in its own files. index.ts merges the parts into the one module the kernel sees (kernel/module-parts.ts).
 */
export type VolunteersPart = ModulePart;
