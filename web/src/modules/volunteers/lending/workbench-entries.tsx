import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

/** The lending part's workbench pages and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [];
