import type { GridPart } from './grid.part.ts';

/** The social part of the grid module (issue 25): filled in by its branch. */
export const socialPart: GridPart = {};
