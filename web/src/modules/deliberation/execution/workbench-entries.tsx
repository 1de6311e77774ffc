import type { WorkbenchEntry } from '../entries.ts';

/** The execution part's pages and menu entries on the workbench (its helper's version replaces this one). */
export const workbenchEntries: WorkbenchEntry[] = [];
