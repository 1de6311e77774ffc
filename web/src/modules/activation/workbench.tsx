import { AuditOutlined, BarChartOutlined, MessageOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../../shared/session.ts';
import './i18n.ts';
import { canReadRates, canReadSandbox, canReview } from './access.ts';
import { page } from '../../shared/lazy-page.ts';
import { lazy } from 'react';
import type { MenuItem, WorkbenchModule } from '../../workbench/manifest.ts';


/** The activation pages of the staff workbench. */
export const activationRoutes: RouteObject[] = [
  { path: 'activation/rates', lazy: page(() => import('./pages/RatesPage.tsx'), 'RatesPage') },
  { path: 'activation/claims', lazy: page(() => import('./pages/ClaimsPage.tsx'), 'ClaimsPage') },
  { path: 'activation/inbox', lazy: page(() => import('./pages/DevInboxPage.tsx'), 'DevInboxPage') },
];

/** The 居民激活 group of the workbench menu: only the pages this account may use; null when none. */
export function activationMenu(t: TFunction, me: Me): MenuItem | null {
  const children: MenuItem[] = [];
  if (canReadRates(me)) children.push({ key: '/activation/rates', icon: <BarChartOutlined />, label: t('activation.menu.rates') });
  if (canReview(me)) children.push({ key: '/activation/claims', icon: <AuditOutlined />, label: t('activation.menu.claims') });
  if (canReadSandbox(me)) children.push({ key: '/activation/inbox', icon: <MessageOutlined />, label: t('activation.menu.inbox') });
  return children.length ? { type: 'group', key: 'activation', label: t('activation.menu.group'), children } : null;
}

export const workbench: WorkbenchModule = {
  name: 'activation',
  order: 40,
  routes: activationRoutes,
  menu: activationMenu,
  // On a place's page: the activation slips of a building, unit or compound, and a room's code (loaded with the page that shows them).
  placeActions: [
    lazy(async () => ({ default: (await import('./components/PrintSlipsButton.tsx')).PrintSlipsButton })),
    lazy(async () => ({ default: (await import('./components/RoomCodeButton.tsx')).RoomCodeButton })),
  ],
};
