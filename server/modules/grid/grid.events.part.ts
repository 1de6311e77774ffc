import type { GridPart } from './grid.part.ts';

/** The events part of the grid module: filled in by its own files. */
export const eventsPart: GridPart = {};
