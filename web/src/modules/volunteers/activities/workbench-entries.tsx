import { HeartOutlined } from '@ant-design/icons';
import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The activities part's workbench pages (the list, an activity with its sign-ups and hours, the organiser's code) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'volunteers/activities', lazy: page(() => import('./pages/ActivitiesPage.tsx'), 'ActivitiesPage') },
      { path: 'volunteers/activities/:id', lazy: page(() => import('./pages/ActivityPage.tsx'), 'ActivityPage') },
      { path: 'volunteers/activities/:id/code', lazy: page(() => import('./pages/CodePage.tsx'), 'CodePage') },
    ],
    menu: (t, me) =>
      holds(me, [...VOLUNTEERS_ROLES.activitiesRead, ...VOLUNTEERS_ROLES.activitiesManage])
        ? { key: '/volunteers/activities', icon: <HeartOutlined />, label: t('volActivities.menu.title') }
        : null,
  },
];
