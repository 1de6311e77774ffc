import { ApartmentOutlined, AuditOutlined, BankOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { REGISTRY_OFFICIALS } from '#server/modules/registry/contract.ts';
import type { Me } from '../../shared/session.ts';
// The menu entry and the place page's button name the import: its texts load with the menu, not the page.
import './import/i18n.ts';
import './corrections/i18n.ts';
import { page } from '../../shared/lazy-page.ts';
import type { WorkbenchModule } from '../../workbench/manifest.ts';

/** The registry's pages in the staff workbench. */
export const registryRoutes: RouteObject[] = [
  { path: 'registry/places', lazy: page(() => import('./pages/PlaceTreePage.tsx'), 'PlaceTreePage') },
  { path: 'registry/places/:id', lazy: page(() => import('./pages/PlacePage.tsx'), 'PlacePage') },
  { path: 'registry/persons', lazy: page(() => import('./pages/PersonsPage.tsx'), 'PersonsPage') },
  { path: 'registry/persons/:id', lazy: page(() => import('./pages/PersonPage.tsx'), 'PersonPage') },
  { path: 'registry/organisations', lazy: page(() => import('./pages/OrganisationsPage.tsx'), 'OrganisationsPage') },
  { path: 'registry/organisations/:id', lazy: page(() => import('./pages/OrganisationPage.tsx'), 'OrganisationPage') },
  { path: 'registry/import', lazy: page(() => import('./import/ImportPage.tsx'), 'ImportPage') },
  { path: 'registry/corrections', lazy: page(() => import('./corrections/CorrectionsPage.tsx'), 'CorrectionsPage') },
];

/** Import is offered to the officials the server lets import (it still checks every request). */
export const canImport = (me: Me) => me.grants.some((g) => (REGISTRY_OFFICIALS as readonly string[]).includes(g.role));

/** The 登记 group of the workbench menu. */
export const registryMenu = (t: TFunction, me: Me): Required<MenuProps>['items'][number] => ({
  type: 'group',
  key: 'registry',
  label: t('menu.group.registry'),
  children: [
    { key: '/registry/places', icon: <ApartmentOutlined />, label: t('menu.places') },
    { key: '/registry/persons', icon: <TeamOutlined />, label: t('menu.persons') },
    { key: '/registry/organisations', icon: <BankOutlined />, label: t('menu.organisations') },
    ...(canImport(me) ? [{ key: '/registry/import', icon: <UploadOutlined />, label: t('import.menu') }] : []),
    // The officials who import are the ones who answer residents' corrections (registry.policy.ts answerCorrections).
    ...(canImport(me) ? [{ key: '/registry/corrections', icon: <AuditOutlined />, label: t('menu.corrections') }] : []),
  ],
});

export const workbench: WorkbenchModule = { name: 'registry', order: 10, routes: registryRoutes, menu: registryMenu };
