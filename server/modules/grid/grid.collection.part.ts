import type { GridPart } from './grid.part.ts';

/** The collection part of the grid module: filled in by its own files. */
export const collectionPart: GridPart = {};
