import type { ResidentEntry, ResidentModule } from '../../resident/manifest.ts';
import { residentEntries as parkingEntries } from './parking/resident-entries.tsx';
import { residentEntries as visitorsEntries } from './visitors/resident-entries.tsx';
import './i18n.ts';

/** The resident's side of gates and parking: their vehicles and visitor passes. */
const entries: ResidentEntry[] = [...visitorsEntries, ...parkingEntries];

export const resident: ResidentModule = {
  name: 'devices',
  order: 90,
  routes: entries.flatMap((e) => e.routes ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
  serviceTiles: entries.flatMap((e) => e.serviceTiles ?? []),
};
