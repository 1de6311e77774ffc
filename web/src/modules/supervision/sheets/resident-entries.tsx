import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The sheets part's H5 pages and home sections, spread into the supervision module's H5 manifest. */
export const residentEntries: ResidentEntry[] = [];
