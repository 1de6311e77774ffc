import type { ResidentEntry, ResidentModule } from '../../resident/manifest.ts';
import { residentEntries as assessmentEntries } from './assessment/resident-entries.tsx';
import { residentEntries as committeesEntries } from './committees/resident-entries.tsx';
import { residentEntries as creditEntries } from './credit/resident-entries.tsx';
import { residentEntries as listsEntries } from './lists/resident-entries.tsx';
import { residentEntries as starsEntries } from './stars/resident-entries.tsx';
import { residentEntries as subsidyEntries } from './subsidy/resident-entries.tsx';
import { residentEntries as rectificationEntries } from './rectification/resident-entries.tsx';
import { residentEntries as sheetsEntries } from './sheets/resident-entries.tsx';
import './i18n.ts';

/** The resident's part of supervision: their compound's published colour (the assessment part). */
const entries: ResidentEntry[] = [...assessmentEntries, ...rectificationEntries, ...sheetsEntries, ...creditEntries, ...listsEntries, ...starsEntries, ...committeesEntries, ...subsidyEntries];

export const resident: ResidentModule = {
  name: 'supervision',
  order: 60,
  routes: entries.flatMap((e) => e.routes ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
  serviceTiles: entries.flatMap((e) => e.serviceTiles ?? []),
};
