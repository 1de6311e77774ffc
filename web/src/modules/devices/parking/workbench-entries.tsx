import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

/** The parking part's workbench pages and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [];
