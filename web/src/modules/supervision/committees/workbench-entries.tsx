import { StarOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The committees part's workbench pages (红色业委会: the ranking and the year's ratings, a rating, a committee's history, the settings) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'supervision/committees', lazy: page(() => import('./pages/CommitteesPage.tsx'), 'CommitteesPage') },
      { path: 'supervision/committees/settings', lazy: page(() => import('./pages/CommitteeSettingsPage.tsx'), 'CommitteeSettingsPage') },
      { path: 'supervision/committees/ratings/:id', lazy: page(() => import('./pages/RatingPage.tsx'), 'RatingPage') },
      { path: 'supervision/committees/:committeeId', lazy: page(() => import('./pages/CommitteePage.tsx'), 'CommitteePage') },
    ],
    menu: (t, me) =>
      holds(me, [...SUPERVISION_ROLES.committeesRead, ...SUPERVISION_ROLES.committeesRate])
        ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children: [{ key: '/supervision/committees', icon: <StarOutlined />, label: t('supervisionCommittees.menu.title') }] }
        : null,
  },
];
