import type { GridPart } from './grid.part.ts';

/** The agency part of the grid module: filled in by its own files. */
export const agencyPart: GridPart = {};
