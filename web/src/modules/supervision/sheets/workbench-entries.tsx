import { AuditOutlined, ProfileOutlined } from '@ant-design/icons';
import { SUPERVISION_ROLES } from '#server/modules/supervision/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The sheets part's workbench pages (考评标准, 检查记录) and their menu entries, spread into the supervision module's manifest. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'supervision/sheets', lazy: page(() => import('./pages/SheetsPage.tsx'), 'SheetsPage') },
      { path: 'supervision/sheets/:id', lazy: page(() => import('./pages/SheetPage.tsx'), 'SheetPage') },
      { path: 'supervision/inspections', lazy: page(() => import('./pages/InspectionsPage.tsx'), 'InspectionsPage') },
      { path: 'supervision/inspections/new', lazy: page(() => import('./pages/StartInspectionPage.tsx'), 'StartInspectionPage') },
      { path: 'supervision/inspections/:id', lazy: page(() => import('./pages/InspectionPage.tsx'), 'InspectionPage') },
    ],
    menu: (t, me) => {
      const children = [
        holds(me, SUPERVISION_ROLES.sheetsRead) && { key: '/supervision/sheets', icon: <ProfileOutlined />, label: t('supervisionSheets.menu.sheets') },
        holds(me, SUPERVISION_ROLES.inspectionsRead) && { key: '/supervision/inspections', icon: <AuditOutlined />, label: t('supervisionSheets.menu.inspections') },
      ].filter((x) => !!x);
      return children.length ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children } : null;
    },
  },
];
