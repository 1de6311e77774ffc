import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Me } from '../../shared/session.ts';
import type { MenuItem } from '../../workbench/manifest.ts';

/**
 * What each part of the deliberation module (items, meetings, execution) adds to the module's manifests: the
 * workbench's routes and entries of the 议事协商 menu group, the H5's routes and 议事 tab sections. Each part
 * exports an array of these (`meetings/workbench-entries.tsx`, …) that workbench.tsx and resident.tsx spread in.
 */
export interface WorkbenchEntry {
  routes?: RouteObject[];
  /** Its entry in the menu group for `me`, or null when it has nothing for them. */
  menu?: (t: TFunction, me: Me) => MenuItem | null;
}
export interface ResidentEntry {
  routes?: RouteObject[];
  decideSections?: { order: number; Section: ComponentType }[];
  homeSections?: { order: number; Section: ComponentType }[];
}
