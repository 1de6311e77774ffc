import { ApartmentOutlined, BankOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
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

/** The 登记 group of the workbench menu. */
export const registryMenu = (t: TFunction): Required<MenuProps>['items'][number] => ({
  type: 'group',
  key: 'registry',
  label: t('menu.group.registry'),
  children: [
    { key: '/registry/places', icon: <ApartmentOutlined />, label: t('menu.places') },
    { key: '/registry/persons', icon: <TeamOutlined />, label: t('menu.persons') },
    { key: '/registry/organisations', icon: <BankOutlined />, label: t('menu.organisations') },
    { key: '/registry/import', icon: <UploadOutlined />, label: t('import.menu') },
  ],
});
