import type { ResidentEntry, ResidentModule } from '../../resident/manifest.ts';
import { residentEntries as activitiesEntries } from './activities/resident-entries.tsx';
import { residentEntries as lettersEntries } from './letters/resident-entries.tsx';
import { residentEntries as membersEntries } from './members/resident-entries.tsx';
import { residentEntries as reportingEntries } from './reporting/resident-entries.tsx';
import { residentEntries as stationsEntries } from './stations/resident-entries.tsx';
import './i18n.ts';

/** The resident's part of party building: a member's own record, 双报到, claims and service; the compound's 红色驿站. */
const entries: ResidentEntry[] = [...membersEntries, ...reportingEntries, ...lettersEntries, ...stationsEntries, ...activitiesEntries];

export const resident: ResidentModule = {
  name: 'party',
  order: 65,
  routes: entries.flatMap((e) => e.routes ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
  serviceTiles: entries.flatMap((e) => e.serviceTiles ?? []),
};
