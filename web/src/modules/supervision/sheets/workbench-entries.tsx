import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

/** The sheets part's workbench pages and menu entries, spread into the supervision module's manifest. */
export const workbenchEntries: WorkbenchEntry[] = [];
