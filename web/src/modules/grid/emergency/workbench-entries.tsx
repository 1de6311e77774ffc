import { AlertOutlined, HomeOutlined } from '@ant-design/icons';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The emergency part's workbench pages (应急管理, a declaration, 我的入户排查) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'grid/emergency', lazy: page(() => import('./pages/EmergencyListPage.tsx'), 'EmergencyListPage') },
      { path: 'grid/emergency/visits', lazy: page(() => import('./pages/VisitsPage.tsx'), 'VisitsPage') },
      { path: 'grid/emergency/:id', lazy: page(() => import('./pages/EmergencyPage.tsx'), 'EmergencyPage') },
    ],
    menu: (t, me) =>
      holds(me, GRID_ROLES.emergencyRead)
        ? {
            key: 'grid-emergency',
            icon: <AlertOutlined />,
            label: t('gridEmergency.menu.title'),
            children: [
              { key: '/grid/emergency', icon: <AlertOutlined />, label: t('gridEmergency.menu.declarations') },
              ...(holds(me, GRID_ROLES.emergencyScreen) ? [{ key: '/grid/emergency/visits', icon: <HomeOutlined />, label: t('gridEmergency.menu.visits') }] : []),
            ],
          }
        : null,
  },
];
