import { AlertOutlined, BarChartOutlined, FieldTimeOutlined, ToolOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../../shared/session.ts';
import { mayRepairs } from './access.ts';
import './i18n.ts';
import './repairs.css';
import { page } from '../../shared/lazy-page.ts';
import type { WorkbenchModule } from '../../workbench/manifest.ts';

/** The repairs pages of the staff workbench. */
export const repairRoutes: RouteObject[] = [
  { path: 'repairs/orders', lazy: page(() => import('./pages/OrdersPage.tsx'), 'OrdersPage') },
  { path: 'repairs/orders/:id', lazy: page(() => import('./pages/OrderPage.tsx'), 'OrderPage') },
  { path: 'repairs/escalations', lazy: page(() => import('./pages/EscalationsPage.tsx'), 'EscalationsPage') },
  { path: 'repairs/figures', lazy: page(() => import('./pages/FiguresPage.tsx'), 'FiguresPage') },
  { path: 'repairs/settings', lazy: page(() => import('./pages/SettingsPage.tsx'), 'SettingsPage') },
];

/** The 物业服务 group of the workbench menu: only the entries the account's roles can use; none, no group. */
export function repairsMenu(t: TFunction, me: Me): Required<MenuProps>['items'][number] | null {
  const children: Required<MenuProps>['items'] = [];
  if (mayRepairs(me, 'readOrders')) children.push({ key: '/repairs/orders', icon: <ToolOutlined />, label: t('menu.repairOrders') });
  if (mayRepairs(me, 'readEscalations')) children.push({ key: '/repairs/escalations', icon: <AlertOutlined />, label: t('menu.repairEscalations') });
  if (mayRepairs(me, 'readFigures')) children.push({ key: '/repairs/figures', icon: <BarChartOutlined />, label: t('menu.repairFigures') });
  if (mayRepairs(me, 'readSettings')) children.push({ key: '/repairs/settings', icon: <FieldTimeOutlined />, label: t('menu.repairSettings') });
  return children.length ? { type: 'group', key: 'property', label: t('menu.group.property'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'repairs', order: 50, routes: repairRoutes, menu: repairsMenu };
