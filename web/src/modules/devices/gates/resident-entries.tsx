import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The gates part's H5 pages, home sections and 办事 tiles. */
export const residentEntries: ResidentEntry[] = [];
