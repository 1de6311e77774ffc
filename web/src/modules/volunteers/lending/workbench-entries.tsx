import { ToolOutlined } from '@ant-design/icons';
import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The lending part's workbench page (the loans of tools and books in scope) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [{ path: 'volunteers/lending', lazy: page(() => import('./pages/LoansPage.tsx'), 'LoansPage') }],
    menu: (t, me) => (holds(me, VOLUNTEERS_ROLES.boardsRead) ? { key: '/volunteers/lending', icon: <ToolOutlined />, label: t('volLending.menu.title') } : null),
  },
];
