import type { TFunction } from 'i18next';
import type { Me } from '../../shared/session.ts';
import type { MenuItem, WorkbenchEntry, WorkbenchModule } from '../../workbench/manifest.ts';
import { workbenchEntries as activitiesEntries } from './activities/workbench-entries.tsx';
import { workbenchEntries as boardsEntries } from './boards/workbench-entries.tsx';
import { workbenchEntries as greenEntries } from './green/workbench-entries.tsx';
import { workbenchEntries as lendingEntries } from './lending/workbench-entries.tsx';
import { workbenchEntries as registryEntries } from './registry/workbench-entries.tsx';
import { workbenchEntries as tasksEntries } from './tasks/workbench-entries.tsx';
import './i18n.ts';

/** The parts' pages: the volunteer registry, activities, the task board, the moderation queue, lending, green plots. */
const entries: WorkbenchEntry[] = [...registryEntries, ...activitiesEntries, ...tasksEntries, ...boardsEntries, ...lendingEntries, ...greenEntries];

/** The 志愿服务与邻里 group of the menu: every part's entries for `me` (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  const children = entries.flatMap((e) => {
    const item = e.menu?.(t, me);
    if (!item) return [];
    return item.type === 'group' ? (item.children ?? []) : [item];
  });
  return children.length ? { type: 'group', key: 'volunteers', label: t('volunteers.menu.group'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'volunteers', order: 120, routes: entries.flatMap((e) => e.routes ?? []), menu };
