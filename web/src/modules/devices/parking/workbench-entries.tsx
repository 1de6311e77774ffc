import { AlertOutlined, CarOutlined, DashboardOutlined, ProfileOutlined, SettingOutlined } from '@ant-design/icons';
import { DEVICES_ROLES } from '#server/modules/devices/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import { holds } from './components/shared.tsx';
import './i18n.ts';

/** The parking part's workbench pages (停车实况, 车位管理, 临时停车, 告警处置, 告警规则) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'devices/parking/live', lazy: page(() => import('./pages/ParkingLivePage.tsx'), 'ParkingLivePage') },
      { path: 'devices/parking/spaces', lazy: page(() => import('./pages/SpacesPage.tsx'), 'SpacesPage') },
      { path: 'devices/parking/sessions', lazy: page(() => import('./pages/SessionsPage.tsx'), 'SessionsPage') },
      { path: 'devices/parking/alerts', lazy: page(() => import('./pages/AlertsPage.tsx'), 'AlertsPage') },
      { path: 'devices/parking/alert-rules', lazy: page(() => import('./pages/AlertRulesPage.tsx'), 'AlertRulesPage') },
    ],
    menu: (t, me) => {
      const children = [
        holds(me, DEVICES_ROLES.readParking) && { key: '/devices/parking/live', icon: <DashboardOutlined />, label: t('devicesParking.menu.live') },
        holds(me, DEVICES_ROLES.handleAlerts) && { key: '/devices/parking/alerts', icon: <AlertOutlined />, label: t('devicesParking.menu.alerts') },
        holds(me, DEVICES_ROLES.manageParking) && { key: '/devices/parking/sessions', icon: <CarOutlined />, label: t('devicesParking.menu.sessions') },
        holds(me, DEVICES_ROLES.readParking) && { key: '/devices/parking/spaces', icon: <ProfileOutlined />, label: t('devicesParking.menu.spaces') },
        (holds(me, DEVICES_ROLES.handleAlerts) || holds(me, DEVICES_ROLES.manageAlertRules)) && { key: '/devices/parking/alert-rules', icon: <SettingOutlined />, label: t('devicesParking.menu.rules') },
      ].filter((c) => !!c);
      return children.length ? { type: 'group', key: 'devices-parking', label: t('devicesParking.menu.title'), children } : null;
    },
  },
];
