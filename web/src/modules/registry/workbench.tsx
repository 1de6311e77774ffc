import { ApartmentOutlined, BankOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { REGISTRY_OFFICIALS } from '../../../../server/modules/registry/registry.constants.ts';
import type { Me } from '../../shared/session.ts';
import { ImportPage } from './import/ImportPage.tsx';
import { OrganisationPage } from './pages/OrganisationPage.tsx';
import { OrganisationsPage } from './pages/OrganisationsPage.tsx';
import { PersonPage } from './pages/PersonPage.tsx';
import { PersonsPage } from './pages/PersonsPage.tsx';
import { PlacePage } from './pages/PlacePage.tsx';
import { PlaceTreePage } from './pages/PlaceTreePage.tsx';

/** The registry's pages in the staff workbench. */
export const registryRoutes: RouteObject[] = [
  { path: 'registry/places', element: <PlaceTreePage /> },
  { path: 'registry/places/:id', element: <PlacePage /> },
  { path: 'registry/persons', element: <PersonsPage /> },
  { path: 'registry/persons/:id', element: <PersonPage /> },
  { path: 'registry/organisations', element: <OrganisationsPage /> },
  { path: 'registry/organisations/:id', element: <OrganisationPage /> },
  { path: 'registry/import', element: <ImportPage /> },
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
  ],
});
