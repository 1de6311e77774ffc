/**
 * What each part of the deliberation module (items, meetings, execution) adds to the module's manifests: the
 * workbench's routes and entries of the 议事协商 menu group, the H5's routes and 议事 tab sections. Each part
 * exports an array of these (`meetings/workbench-entries.tsx`, …) that workbench.tsx and resident.tsx spread in.
 */
export type { WorkbenchEntry } from '../../workbench/manifest.ts';
export type { ResidentEntry } from '../../resident/manifest.ts';
