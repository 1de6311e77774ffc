import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The social part's H5 routes, home sections and service tiles. */
export const residentEntries: ResidentEntry[] = [];
