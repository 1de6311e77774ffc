import { AlertOutlined, CarryOutOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router';
import { page } from '../../../shared/lazy-page.ts';
import type { WorkbenchEntry } from '../entries.ts';
import { mayDeliberation } from '../api.ts';
import './i18n.ts';

/** The workbench pages of stages 4–6, spread into the deliberation module's routes (workbench.tsx). */
const executionRoutes: RouteObject[] = [
  { path: 'deliberation/tasks', lazy: page(() => import('./pages/TasksPage.tsx'), 'TasksPage') },
  { path: 'deliberation/escalations', lazy: page(() => import('./pages/EscalationsPage.tsx'), 'EscalationsPage') },
];

/** 议事任务 for those who read items; 街道督办 for the street's escalation roles. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: executionRoutes,
    menu: (t, me) =>
      mayDeliberation(me, 'read')
        ? {
            type: 'group',
            key: 'decisions',
            label: t('menu.group.decisions'),
            children: [
              { key: '/deliberation/tasks', icon: <CarryOutOutlined />, label: t('deliberationExecution.menu.tasks') },
              ...(mayDeliberation(me, 'escalation') ? [{ key: '/deliberation/escalations', icon: <AlertOutlined />, label: t('deliberationExecution.menu.escalations') }] : []),
            ],
          }
        : null,
  },
];
