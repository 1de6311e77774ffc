import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

/** The social part's workbench pages and menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [];
