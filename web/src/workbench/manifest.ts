import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Me } from '../shared/session.ts';

export type MenuItem = Required<MenuProps>['items'][number];

/**
 * What a module brings to the staff workbench. Each module's `web/src/modules/<name>/workbench.tsx`
 * exports one as `workbench`; the shell finds them all (modules.ts) and renders from the list, so
 * adding a module touches no file of the shell.
 */
export interface WorkbenchModule {
  /** The module's name, as on the server. */
  name: string;
  /** Its place in the menu, and the order of its contributions to other pages: lower first. */
  order: number;
  /** Its pages, each loaded with its route (`page()` in shared/lazy-page.ts). */
  routes: RouteObject[];
  /** Its group of the menu for `me`, or null when it has nothing for them. */
  menu?: (t: TFunction, me: Me) => MenuItem | null;
  /** Buttons it adds to a place's page (the registry renders them), e.g. activation's slips. */
  placeActions?: ComponentType<{ placeId: string; kind: string }>[];
}

/**
 * What one part of a module that is built in parts (deliberation: items, meetings, execution; fees: bills,
 * payments, arrears) adds to its module's workbench manifest: routes, and its entries of the module's menu group.
 */
export interface WorkbenchEntry {
  routes?: RouteObject[];
  /** Its entry in the menu group for `me`, or null when it has nothing for them. */
  menu?: (t: TFunction, me: Me) => MenuItem | null;
}
