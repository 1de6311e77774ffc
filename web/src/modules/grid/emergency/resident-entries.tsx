import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The emergency part's H5 routes, home sections and service tiles. */
export const residentEntries: ResidentEntry[] = [];
