import { FlagOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { TasksHomeSection } from './h5/TasksHomeSection.tsx';
import './i18n.ts';

/** The tasks part's H5: 任务抢单 (open tasks and mine), the home's 我抢到的任务, and its tile on 办事. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [{ path: 'volunteers/tasks', lazy: page(() => import('./h5/TasksH5Page.tsx'), 'TasksH5Page') }],
    homeSections: [{ order: 33, Section: TasksHomeSection }],
    serviceTiles: [{ order: 61, to: '/volunteers/tasks', Icon: FlagOutline, label: 'volTasks.h5.tile', hint: 'volTasks.h5.tileHint' }],
  },
];
