import { DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { DASHBOARDS_ROLES } from '#server/modules/dashboards/contract.ts';
import type { Me } from '../../shared/session.ts';
import { page } from '../../shared/lazy-page.ts';
import type { MenuItem, WorkbenchModule } from '../../workbench/manifest.ts';
import './i18n.ts';

const routes: RouteObject[] = [
  { path: 'dashboards', lazy: page(() => import('./pages/DashboardPage.tsx'), 'DashboardPage') },
  { path: 'dashboards/reports', lazy: page(() => import('./pages/ReportsPage.tsx'), 'ReportsPage') },
  { path: 'dashboards/reports/:id', lazy: page(() => import('./pages/ReportPage.tsx'), 'ReportPage') },
];

/** The 驾驶舱 group of the menu, for the officials who read figures (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  if (!me.grants.some((g) => (DASHBOARDS_ROLES.read as readonly string[]).includes(g.role))) return null;
  return {
    type: 'group',
    key: 'dashboards',
    label: t('dashboards.menu.group'),
    children: [
      { key: '/dashboards', icon: <DashboardOutlined />, label: t('dashboards.menu.overview') },
      { key: '/dashboards/reports', icon: <FileTextOutlined />, label: t('dashboards.menu.reports') },
    ],
  };
}

export const workbench: WorkbenchModule = { name: 'dashboards', order: 5, routes, menu };
