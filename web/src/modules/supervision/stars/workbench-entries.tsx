import { StarOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The stars part's workbench pages (有礼小区: applications, the compounds' stars, an application, settings) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'supervision/stars', lazy: page(() => import('./pages/StarsPage.tsx'), 'StarsPage') },
      // The list at the API's path too: the workbench home's to-dos link there (their count is that list's total).
      { path: 'supervision/stars/applications', lazy: page(() => import('./pages/StarsPage.tsx'), 'StarsPage') },
      { path: 'supervision/stars/compounds', lazy: page(() => import('./pages/CompoundStarsPage.tsx'), 'CompoundStarsPage') },
      { path: 'supervision/stars/settings', lazy: page(() => import('./pages/StarsSettingsPage.tsx'), 'StarsSettingsPage') },
      { path: 'supervision/stars/applications/:id', lazy: page(() => import('./pages/ApplicationPage.tsx'), 'ApplicationPage') },
    ],
    menu: (t, me) =>
      holds(me, SUPERVISION_ROLES.starsRead)
        ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children: [{ key: '/supervision/stars', icon: <StarOutlined />, label: t('supervisionStars.menu.title') }] }
        : null,
  },
];
