import type { ModulePart } from '../../kernel/module-parts.ts';

/**
 * One part of the grid module (events, collection, agency): the slices of the manifest it adds, in its own files.
 * index.ts merges the parts into the one module the kernel sees (kernel/module-parts.ts).
 */
export type GridPart = ModulePart;
