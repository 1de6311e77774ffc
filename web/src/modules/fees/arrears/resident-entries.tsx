import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The arrears part's H5 pages and home sections, spread into the fees module's manifest. */
export const residentEntries: ResidentEntry[] = [];
