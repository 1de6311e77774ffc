import { FundOutlined, TeamOutlined } from '@ant-design/icons';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));
const reads = (me: Me) => holds(me, GRID_ROLES.socialRead) || holds(me, GRID_ROLES.ventureApprove);

/** The social part's workbench pages (社会组织名录, 公益创投 and a round) and their menu entries. Reviewers reach their round by the to-do. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'grid/social/orgs', lazy: page(() => import('./pages/OrgsPage.tsx'), 'OrgsPage') },
      { path: 'grid/social/rounds', lazy: page(() => import('./pages/RoundsPage.tsx'), 'RoundsPage') },
      { path: 'grid/social/rounds/:id', lazy: page(() => import('./pages/RoundPage.tsx'), 'RoundPage') },
    ],
    menu: (t, me) =>
      reads(me)
        ? {
            key: 'grid-social',
            icon: <TeamOutlined />,
            label: t('gridSocial.menu.title'),
            children: [
              { key: '/grid/social/orgs', icon: <TeamOutlined />, label: t('gridSocial.menu.orgs') },
              { key: '/grid/social/rounds', icon: <FundOutlined />, label: t('gridSocial.menu.rounds') },
            ],
          }
        : null,
  },
];
