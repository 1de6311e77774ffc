import { AuditOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The rectification part's workbench pages (整改通知单: list, new, one notice) and its menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'supervision/notices', lazy: page(() => import('./pages/NoticesPage.tsx'), 'NoticesPage') },
      { path: 'supervision/notices/new', lazy: page(() => import('./pages/NewNoticePage.tsx'), 'NewNoticePage') },
      { path: 'supervision/notices/:id', lazy: page(() => import('./pages/NoticePage.tsx'), 'NoticePage') },
    ],
    menu: (t, me) =>
      holds(me, SUPERVISION_ROLES.noticesRead)
        ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children: [{ key: '/supervision/notices', icon: <AuditOutlined />, label: t('supervisionRectification.menu.notices') }] }
        : null,
  },
];
