import { ProfileOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { SURVEYS_ROLES } from '#server/modules/surveys/contract.ts';
import type { Me } from '../../shared/session.ts';
import { page } from '../../shared/lazy-page.ts';
import type { MenuItem, WorkbenchModule } from '../../workbench/manifest.ts';
import './i18n.ts';

const routes: RouteObject[] = [{ path: 'surveys', lazy: page(() => import('./pages/RecordsPage.tsx'), 'RecordsPage') }];

/** The 问卷调查 group of the menu, for the roles that read records (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  if (!me.grants.some((g) => (SURVEYS_ROLES.read as readonly string[]).includes(g.role))) return null;
  return { type: 'group', key: 'surveys', label: t('surveys.menu.group'), children: [{ key: '/surveys', icon: <ProfileOutlined />, label: t('surveys.menu.records') }] };
}

export const workbench: WorkbenchModule = { name: 'surveys', order: 100, routes, menu };
