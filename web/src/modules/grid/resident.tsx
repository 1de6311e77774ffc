import type { ResidentEntry, ResidentModule } from '../../resident/manifest.ts';
import { residentEntries as agencyEntries } from './agency/resident-entries.tsx';
import { residentEntries as collectionEntries } from './collection/resident-entries.tsx';
import { residentEntries as emergencyEntries } from './emergency/resident-entries.tsx';
import { residentEntries as eventsEntries } from './events/resident-entries.tsx';
import { residentEntries as mediationEntries } from './mediation/resident-entries.tsx';
import { residentEntries as socialEntries } from './social/resident-entries.tsx';
import './i18n.ts';

/** The resident's side of grid work: the emergency notice and call-ups, events they reported and rate, agency cases they follow or book, their mediation cases. */
const entries: ResidentEntry[] = [...emergencyEntries, ...eventsEntries, ...collectionEntries, ...agencyEntries, ...mediationEntries, ...socialEntries];

export const resident: ResidentModule = {
  name: 'grid',
  order: 80,
  routes: entries.flatMap((e) => e.routes ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
  serviceTiles: entries.flatMap((e) => e.serviceTiles ?? []),
};
