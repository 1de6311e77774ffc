import { FlagOutlined, TeamOutlined } from '@ant-design/icons';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));
const reporting = page(() => import('./pages/ReportingPage.tsx'), 'ReportingPage');

/** The reporting part's workbench pages (双报到 and 服务项目) and menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'party/reporting', lazy: reporting },
      // The to-dos link to the lists' API paths: the same page, on that tab.
      { path: 'party/org-reports', lazy: reporting },
      { path: 'party/member-reports', lazy: reporting },
      { path: 'party/projects', lazy: page(() => import('./pages/ProjectsPage.tsx'), 'ProjectsPage') },
    ],
    menu: (t, me) =>
      holds(me, PARTY_ROLES.reportingRead)
        ? {
            type: 'group',
            key: 'party',
            label: t('party.menu.group'),
            children: [
              { key: '/party/reporting', icon: <FlagOutlined />, label: t('partyReporting.menu.title') },
              { key: '/party/projects', icon: <TeamOutlined />, label: t('partyReporting.menu.projects') },
            ],
          }
        : null,
  },
];
