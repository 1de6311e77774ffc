import { FlagOutlined } from '@ant-design/icons';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The activities part's workbench pages (the list, an activity with its sign-in and attendance, members' attendance over a year) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'party/activities', lazy: page(() => import('./pages/ActivitiesPage.tsx'), 'ActivitiesPage') },
      { path: 'party/activities/attendance', lazy: page(() => import('./pages/AttendancePage.tsx'), 'AttendancePage') },
      { path: 'party/activities/:id', lazy: page(() => import('./pages/ActivityPage.tsx'), 'ActivityPage') },
    ],
    menu: (t, me) =>
      holds(me, [...PARTY_ROLES.activitiesRead, ...PARTY_ROLES.activitiesManage]) ? { key: '/party/activities', icon: <FlagOutlined />, label: t('partyActivities.menu.title') } : null,
  },
];
