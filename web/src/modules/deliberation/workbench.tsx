import { ProfileOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { DELIBERATION_ROLES } from '#server/modules/deliberation/contract.ts';
import type { Me } from '../../shared/session.ts';
import { page } from '../../shared/lazy-page.ts';
import type { MenuItem, WorkbenchModule } from '../../workbench/manifest.ts';
import './i18n.ts';

const routes: RouteObject[] = [{ path: 'deliberation', lazy: page(() => import('./pages/RecordsPage.tsx'), 'RecordsPage') }];

/** The 议事协商 group of the menu, for the roles that read records (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  if (!me.grants.some((g) => (DELIBERATION_ROLES.read as readonly string[]).includes(g.role))) return null;
  return { type: 'group', key: 'deliberation', label: t('deliberation.menu.group'), children: [{ key: '/deliberation', icon: <ProfileOutlined />, label: t('deliberation.menu.records') }] };
}

export const workbench: WorkbenchModule = { name: 'deliberation', order: 100, routes, menu };
