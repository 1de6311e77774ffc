import { CarOutlined, CreditCardOutlined, IdcardOutlined } from '@ant-design/icons';
import { DEVICES_ROLES } from '#server/modules/devices/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The visitors part's workbench pages (车辆审核, 门禁卡, 访客通行证) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'devices/vehicles', lazy: page(() => import('./pages/VehiclesPage.tsx'), 'VehiclesPage') },
      { path: 'devices/cards', lazy: page(() => import('./pages/CardsPage.tsx'), 'CardsPage') },
      { path: 'devices/passes', lazy: page(() => import('./pages/PassesPage.tsx'), 'PassesPage') },
    ],
    menu: (t, me) =>
      holds(me, DEVICES_ROLES.readVehicles)
        ? {
            type: 'group',
            key: 'devices-visitors',
            label: t('devicesVisitors.menu.group'),
            children: [
              { key: '/devices/vehicles', icon: <CarOutlined />, label: t('devicesVisitors.menu.vehicles') },
              { key: '/devices/cards', icon: <CreditCardOutlined />, label: t('devicesVisitors.menu.cards') },
              { key: '/devices/passes', icon: <IdcardOutlined />, label: t('devicesVisitors.menu.passes') },
            ],
          }
        : null,
  },
];
