import type { ResidentEntry } from '../entries.ts';
import './i18n.ts';

/**
 * H5 entries of stages 4–6: none of their own — the resident's item page shows H5ItemExecution, and the public
 * tracking page is the kernel's /h5/p/deliberation.tracking/<compound>.
 */
export const residentEntries: ResidentEntry[] = [];
