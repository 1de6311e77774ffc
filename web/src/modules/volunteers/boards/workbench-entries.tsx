import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

/** The boards part's workbench pages and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [];
