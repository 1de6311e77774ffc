import { FlagOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The lists part's workbench pages (红黑榜, its appeals and rules) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'supervision/lists', lazy: page(() => import('./pages/ListsPage.tsx'), 'ListsPage') },
      { path: 'supervision/lists/appeals', lazy: page(() => import('./pages/AppealsPage.tsx'), 'AppealsPage') },
      { path: 'supervision/lists/rules', lazy: page(() => import('./pages/RulesPage.tsx'), 'RulesPage') },
    ],
    menu: (t, me) =>
      holds(me, SUPERVISION_ROLES.creditRead)
        ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children: [{ key: '/supervision/lists', icon: <FlagOutlined />, label: t('supervisionLists.menu.title') }] }
        : null,
  },
];
