import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The lists part's H5 pages and home sections. */
export const residentEntries: ResidentEntry[] = [];
