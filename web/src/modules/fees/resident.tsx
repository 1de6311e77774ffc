import type { ResidentEntry, ResidentModule } from '../../resident/manifest.ts';
import { residentEntries as arrearsEntries } from './arrears/resident-entries.tsx';
import { residentEntries as billsEntries } from './bills/resident-entries.tsx';
import { residentEntries as booksEntries } from './books/resident-entries.tsx';
import { residentEntries as fundEntries } from './fund/resident-entries.tsx';
import { residentEntries as paymentsEntries } from './payments/resident-entries.tsx';
import { residentEntries as ratingsEntries } from './ratings/resident-entries.tsx';
import { residentEntries as subsidiesEntries } from './subsidies/resident-entries.tsx';
import './i18n.ts';

/** The owners' pages under /h5/fees/… (bills, paying, receipts, subsidies, ratings, the fund, the open books), each part adding its own. */
const entries: ResidentEntry[] = [...billsEntries, ...paymentsEntries, ...arrearsEntries, ...subsidiesEntries, ...ratingsEntries, ...fundEntries, ...booksEntries];

export const resident: ResidentModule = {
  name: 'fees',
  order: 30,
  routes: entries.flatMap((e) => e.routes ?? []),
  homeSections: entries.flatMap((e) => e.homeSections ?? []),
  serviceTiles: entries.flatMap((e) => e.serviceTiles ?? []),
};
