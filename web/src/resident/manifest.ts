import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/**
 * What a module brings to the resident H5. Each module's `web/src/modules/<name>/resident.tsx`
 * exports one as `resident`; the shell finds them all (modules.ts) and renders from the list.
 */
export interface ResidentModule {
  /** The module's name, as on the server. */
  name: string;
  /** The order of its routes: lower first. */
  order: number;
  /** Pages inside the tab bar (paths relative to /h5/). */
  routes?: RouteObject[];
  /** Pages outside the tab bar and the sign-in gate (sign-up, activation). */
  openRoutes?: RouteObject[];
  /** Its sections on the resident home, each loading its own data (primed by GET /api/me/home); lower `order` first. */
  homeSections?: { order: number; Section: ComponentType }[];
  /** Its sections at the top of the 议事 tab, above the opinions (e.g. votes waiting for my ballot); lower `order` first. */
  decideSections?: { order: number; Section: ComponentType }[];
  /** Its tiles on the 办事 tab (services a resident can use), beside the repairs' own; lower `order` first. */
  serviceTiles?: ServiceTile[];
  /** Wraps the home: e.g. activation sends a resident without a room to claim one first. */
  homeGate?: ComponentType<{ children: ReactNode }>;
}

/** What one part of a module built in parts adds to its module's H5 manifest (see WorkbenchEntry). */
export interface ResidentEntry {
  routes?: RouteObject[];
  decideSections?: { order: number; Section: ComponentType }[];
  homeSections?: { order: number; Section: ComponentType }[];
  serviceTiles?: ServiceTile[];
}

/** A service on the 办事 tab: where it leads (a path under /h5/), its icon, and its name and hint (i18n keys). */
export interface ServiceTile {
  order: number;
  to: string;
  Icon: ComponentType<{ className?: string; 'aria-hidden'?: boolean }>;
  label: string;
  hint: string;
}
