import { AlertOutlined, CarryOutOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The workbench pages of stages 4–6, spread into the deliberation module's routes (workbench.tsx). */
export const executionRoutes: RouteObject[] = [
  { path: 'deliberation/tasks', lazy: page(() => import('./pages/TasksPage.tsx'), 'TasksPage') },
  { path: 'deliberation/escalations', lazy: page(() => import('./pages/EscalationsPage.tsx'), 'EscalationsPage') },
];

/** Their menu entries (keys are the paths); the deliberation menu shows them to the roles that may read items / the street. */
export const executionMenu: { key: string; labelKey: string; icon?: ReactNode }[] = [
  { key: '/deliberation/tasks', labelKey: 'deliberationExecution.menu.tasks', icon: <CarryOutOutlined /> },
  { key: '/deliberation/escalations', labelKey: 'deliberationExecution.menu.escalations', icon: <AlertOutlined /> },
];
