import { AuditOutlined, BarChartOutlined, MessageOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../../shared/session.ts';
import './i18n.ts';
import { canReadRates, canReadSandbox, canReview } from './access.ts';
import { page } from '../../shared/lazy-page.ts';

export { PrintSlipsButton } from './components/PrintSlipsButton.tsx';
export { RoomCodeButton } from './components/RoomCodeButton.tsx';

/** The activation pages of the staff workbench. */
export const activationRoutes: RouteObject[] = [
  { path: 'activation/rates', lazy: page(() => import('./pages/RatesPage.tsx'), 'RatesPage') },
  { path: 'activation/claims', lazy: page(() => import('./pages/ClaimsPage.tsx'), 'ClaimsPage') },
  { path: 'activation/inbox', lazy: page(() => import('./pages/DevInboxPage.tsx'), 'DevInboxPage') },
];

type MenuItem = Required<MenuProps>['items'][number];

/** The 居民激活 group of the workbench menu: only the pages this account may use; null when none. */
export function activationMenu(t: TFunction, me: Me): MenuItem | null {
  const children: MenuItem[] = [];
  if (canReadRates(me)) children.push({ key: '/activation/rates', icon: <BarChartOutlined />, label: t('activation.menu.rates') });
  if (canReview(me)) children.push({ key: '/activation/claims', icon: <AuditOutlined />, label: t('activation.menu.claims') });
  if (canReadSandbox(me)) children.push({ key: '/activation/inbox', icon: <MessageOutlined />, label: t('activation.menu.inbox') });
  return children.length ? { type: 'group', key: 'activation', label: t('activation.menu.group'), children } : null;
}
