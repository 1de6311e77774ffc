import type { GridPart } from './grid.part.ts';

/** The mediation part of the grid module (issue 25): filled in by its branch. */
export const mediationPart: GridPart = {};
