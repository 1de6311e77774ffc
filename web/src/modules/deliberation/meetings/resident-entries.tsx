import type { ResidentEntry } from '../entries.ts';

/** The meetings part's pages and 议事 sections on the H5 (its helper's version replaces this one). */
export const residentEntries: ResidentEntry[] = [];
