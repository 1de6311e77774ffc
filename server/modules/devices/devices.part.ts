import type { ModulePart } from '../../kernel/module-parts.ts';

/**
 * One part of the devices module (gates: the devices, their signed API and movement records; visitors: residents'
 * vehicles and cards, visitor passes; parking: spaces, occupancy, temporary parking and alerts): the slices of the
 * manifest it adds, in its own files. index.ts merges them into the one module the kernel sees.
 */
export type DevicesPart = ModulePart;
