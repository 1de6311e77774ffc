import { ApiOutlined, SwapOutlined } from '@ant-design/icons';
import { DEVICES_ROLES } from '#server/modules/devices/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The gates part's workbench pages (通行记录, 设备管理) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'devices/movements', lazy: page(() => import('./pages/MovementsPage.tsx'), 'MovementsPage') },
      { path: 'devices/registry', lazy: page(() => import('./pages/DevicesPage.tsx'), 'DevicesPage') },
    ],
    menu: (t, me) => {
      const children = [
        ...(holds(me, DEVICES_ROLES.readMovements) ? [{ key: '/devices/movements', icon: <SwapOutlined />, label: t('devicesGates.menu.movements') }] : []),
        ...(holds(me, DEVICES_ROLES.readDevices) ? [{ key: '/devices/registry', icon: <ApiOutlined />, label: t('devicesGates.menu.devices') }] : []),
      ];
      return children.length ? { type: 'group', key: 'devices-gates', label: t('devicesGates.menu.title'), children } : null;
    },
  },
];
