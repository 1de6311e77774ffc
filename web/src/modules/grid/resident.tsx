import type { ResidentEntry, ResidentModule } from '../../resident/manifest.ts';
import { residentEntries as agencyEntries } from './agency/resident-entries.tsx';
import { residentEntries as collectionEntries } from './collection/resident-entries.tsx';
import { residentEntries as eventsEntries } from './events/resident-entries.tsx';
import './i18n.ts';

/** The resident's side of grid work: events they reported and rate, and agency cases they follow or book. */
const entries: ResidentEntry[] = [...eventsEntries, ...collectionEntries, ...agencyEntries];

export const resident: ResidentModule = {
  name: 'grid',
  order: 80,
  routes: entries.flatMap((e) => e.routes ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
  serviceTiles: entries.flatMap((e) => e.serviceTiles ?? []),
};
