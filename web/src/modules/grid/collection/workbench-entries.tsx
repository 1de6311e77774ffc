import { AuditOutlined, EnvironmentOutlined, FileAddOutlined, FileSearchOutlined, FundOutlined, SolutionOutlined, TableOutlined } from '@ant-design/icons';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));
const READ = [...GRID_ROLES.collectionRead, ...GRID_ROLES.collectionVerify, ...GRID_ROLES.collectionManage];

/** The collection part's workbench pages (四个实有) and its menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'grid/collection', lazy: page(() => import('./pages/RecordsPage.tsx'), 'RecordsPage') },
      { path: 'grid/collection/new', lazy: page(() => import('./pages/RecordNewPage.tsx'), 'RecordNewPage') },
      { path: 'grid/collection/actuals', lazy: page(() => import('./pages/ActualsPage.tsx'), 'ActualsPage') },
      { path: 'grid/collection/commissions', lazy: page(() => import('./pages/CommissionsPage.tsx'), 'CommissionsPage') },
      { path: 'grid/collection/statements', lazy: page(() => import('./pages/StatementsPage.tsx'), 'StatementsPage') },
      { path: 'grid/collection/coverage', lazy: page(() => import('./pages/CoveragePage.tsx'), 'CoveragePage') },
      { path: 'grid/collection/:id', lazy: page(() => import('./pages/RecordPage.tsx'), 'RecordPage') },
    ],
    menu: (t, me) => {
      if (!holds(me, READ)) return null;
      const children = [
        { key: '/grid/collection', icon: <SolutionOutlined />, label: t('gridCollection.menu.records') },
        holds(me, GRID_ROLES.collectionSubmit) && { key: '/grid/collection/new', icon: <FileAddOutlined />, label: t('gridCollection.menu.new') },
        { key: '/grid/collection/actuals', icon: <EnvironmentOutlined />, label: t('gridCollection.menu.actuals') },
        { key: '/grid/collection/commissions', icon: <AuditOutlined />, label: t('gridCollection.menu.commissions') },
        { key: '/grid/collection/statements', icon: <FundOutlined />, label: t('gridCollection.menu.statements') },
        { key: '/grid/collection/coverage', icon: <TableOutlined />, label: t('gridCollection.menu.coverage') },
      ].filter((c) => !!c);
      return { type: 'group', key: 'grid-collection', label: t('gridCollection.menu.title'), children, icon: <FileSearchOutlined /> };
    },
  },
];
