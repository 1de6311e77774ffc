import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

/** The registry part's workbench pages and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [];
