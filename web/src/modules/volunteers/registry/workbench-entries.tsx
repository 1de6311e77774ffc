import { TeamOutlined } from '@ant-design/icons';
import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The registry part's workbench pages (志愿者: review, the registered share, teams, rewards) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'volunteers/registry', lazy: page(() => import('./pages/VolunteersPage.tsx'), 'VolunteersPage') },
      { path: 'volunteers/registry/share', lazy: page(() => import('./pages/SharePage.tsx'), 'SharePage') },
      { path: 'volunteers/teams', lazy: page(() => import('./pages/TeamsPage.tsx'), 'TeamsPage') },
      { path: 'volunteers/rewards', lazy: page(() => import('./pages/RewardsPage.tsx'), 'RewardsPage') },
    ],
    menu: (t, me) =>
      holds(me, [...VOLUNTEERS_ROLES.volunteersRead, ...VOLUNTEERS_ROLES.volunteersManage]) ? { key: '/volunteers/registry', icon: <TeamOutlined />, label: t('volRegistry.menu.title') } : null,
  },
];
