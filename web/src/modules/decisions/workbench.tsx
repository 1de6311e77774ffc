import { AuditOutlined, BookOutlined, FileDoneOutlined } from '@ant-design/icons';
import { electionMenuItems, electionRoutes } from './election/workbench-entries.tsx';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import type { Me } from '../../shared/session.ts';
import { page } from '../../shared/lazy-page.ts';
import type { WorkbenchModule } from '../../workbench/manifest.ts';
import { mayDecisions } from './api.ts';
import './i18n.ts';
import { mayFilings } from './filing/api.ts';
import './filing/i18n.ts';

/** The organisers' pages of owners' decisions (业主共同决定). */
const decisionRoutes: RouteObject[] = [
  { path: 'decisions', lazy: page(() => import('./pages/DecisionsPage.tsx'), 'DecisionsPage') },
  { path: 'decisions/rules', lazy: page(() => import('./pages/RulesPage.tsx'), 'RulesPage') },
  { path: 'decisions/:id', lazy: page(() => import('./pages/DecisionPage.tsx'), 'DecisionPage') },
  { path: 'decisions/:id/paper', lazy: page(() => import('./paper/pages/PaperEntryPage.tsx'), 'PaperEntryPage') },
  { path: 'filings', lazy: page(() => import('./filing/FilingsPage.tsx'), 'FilingsPage') },
  { path: 'filings/:filingId', lazy: page(() => import('./filing/FilingsPage.tsx'), 'FilingsPage') },
  ...electionRoutes,
];

/** Its entries in the 议事协商 group of the menu (the opinions module names it): only for the roles that see decisions, never the property company. */
function decisionsMenu(t: TFunction, me: Me): Required<MenuProps>['items'][number] | null {
  const reads = mayDecisions(me, 'read');
  // 备案审查 also for the district housing department's reviewers, who see no decision but the filings sent to them;
  // 候选人联审 for any department's reviewer.
  const filings = mayFilings(me) ? [{ key: '/filings', icon: <FileDoneOutlined />, label: t('decisionsFiling.menu') }] : [];
  const elections = electionMenuItems(t, me);
  if (!reads && !filings.length && !elections.length) return null;
  return {
    type: 'group',
    key: 'decisions',
    label: t('menu.group.decisions'),
    children: [
      ...(reads
        ? [
            { key: '/decisions', icon: <AuditOutlined />, label: t('menu.decisions') },
            { key: '/decisions/rules', icon: <BookOutlined />, label: t('menu.decisionRules') },
          ]
        : []),
      ...elections,
      ...filings,
    ],
  };
}

export const workbench: WorkbenchModule = { name: 'decisions', order: 60, routes: decisionRoutes, menu: decisionsMenu };
