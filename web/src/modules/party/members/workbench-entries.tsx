import { ApartmentOutlined, FlagOutlined, PieChartOutlined } from '@ant-design/icons';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The members part's workbench pages (党组织, 党员名册, 党建覆盖) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'party/tree', lazy: page(() => import('./pages/TreePage.tsx'), 'TreePage') },
      { path: 'party/members', lazy: page(() => import('./pages/MembersPage.tsx'), 'MembersPage') },
      { path: 'party/coverage', lazy: page(() => import('./pages/CoveragePage.tsx'), 'CoveragePage') },
    ],
    menu: (t, me) => {
      const children = [
        holds(me, PARTY_ROLES.treeRead) && { key: '/party/tree', icon: <ApartmentOutlined />, label: t('partyMembers.menu.tree') },
        holds(me, PARTY_ROLES.membersRead) && { key: '/party/members', icon: <FlagOutlined />, label: t('partyMembers.menu.title') },
        holds(me, PARTY_ROLES.treeRead) && { key: '/party/coverage', icon: <PieChartOutlined />, label: t('partyMembers.menu.coverage') },
      ].filter((c) => !!c);
      return children.length ? { type: 'group', key: 'party', label: t('party.menu.group'), children } : null;
    },
  },
];
