import { ThunderboltOutlined } from '@ant-design/icons';
import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The tasks part's workbench pages (the task board, a task with its timeline) and menu entry 任务抢单. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'volunteers/tasks', lazy: page(() => import('./pages/TasksPage.tsx'), 'TasksPage') },
      { path: 'volunteers/tasks/:id', lazy: page(() => import('./pages/TaskPage.tsx'), 'TaskPage') },
    ],
    menu: (t, me) =>
      holds(me, [...VOLUNTEERS_ROLES.tasksRead, ...VOLUNTEERS_ROLES.tasksManage]) ? { key: '/volunteers/tasks', icon: <ThunderboltOutlined />, label: t('volTasks.menu.title') } : null,
  },
];
