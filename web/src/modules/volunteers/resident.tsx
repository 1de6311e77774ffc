import type { ResidentEntry, ResidentModule } from '../../resident/manifest.ts';
import { residentEntries as activitiesEntries } from './activities/resident-entries.tsx';
import { residentEntries as boardsEntries } from './boards/resident-entries.tsx';
import { residentEntries as greenEntries } from './green/resident-entries.tsx';
import { residentEntries as lendingEntries } from './lending/resident-entries.tsx';
import { residentEntries as registryEntries } from './registry/resident-entries.tsx';
import { residentEntries as tasksEntries } from './tasks/resident-entries.tsx';
import './i18n.ts';

/** The resident's volunteering and neighbour services: sign-up, activities, tasks to grab, points, the boards, lending, adoption. */
const entries: ResidentEntry[] = [...registryEntries, ...activitiesEntries, ...tasksEntries, ...boardsEntries, ...lendingEntries, ...greenEntries];

export const resident: ResidentModule = {
  name: 'volunteers',
  order: 70,
  routes: entries.flatMap((e) => e.routes ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
  serviceTiles: entries.flatMap((e) => e.serviceTiles ?? []),
};
