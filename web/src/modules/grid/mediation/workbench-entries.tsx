import { ApartmentOutlined, AuditOutlined, FileAddOutlined, TeamOutlined } from '@ant-design/icons';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The mediation part's workbench pages (调解案件, 登记案件, a case, 调解委员会) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'grid/mediation', lazy: page(() => import('./pages/CasesPage.tsx'), 'CasesPage') },
      // The staff home's to-dos link here (the list's API path): the same table.
      { path: 'grid/mediation/cases', lazy: page(() => import('./pages/CasesPage.tsx'), 'CasesPage') },
      { path: 'grid/mediation/new', lazy: page(() => import('./pages/NewCasePage.tsx'), 'NewCasePage') },
      { path: 'grid/mediation/committees', lazy: page(() => import('./pages/CommitteesPage.tsx'), 'CommitteesPage') },
      { path: 'grid/mediation/:id', lazy: page(() => import('./pages/CasePage.tsx'), 'CasePage') },
    ],
    menu: (t, me) =>
      holds(me, GRID_ROLES.mediationRead)
        ? {
            key: 'grid-mediation',
            icon: <AuditOutlined />,
            label: t('gridMediation.menu.title'),
            children: [
              { key: '/grid/mediation', icon: <TeamOutlined />, label: t('gridMediation.menu.cases') },
              ...(holds(me, GRID_ROLES.mediationOpen) ? [{ key: '/grid/mediation/new', icon: <FileAddOutlined />, label: t('gridMediation.menu.new') }] : []),
              { key: '/grid/mediation/committees', icon: <ApartmentOutlined />, label: t('gridMediation.menu.committees') },
            ],
          }
        : null,
  },
];
