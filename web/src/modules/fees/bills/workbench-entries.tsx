import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

/** The bills part's workbench pages and menu entries, spread into the fees module's manifest. */
export const workbenchEntries: WorkbenchEntry[] = [];
