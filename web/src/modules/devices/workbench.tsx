import type { TFunction } from 'i18next';
import type { Me } from '../../shared/session.ts';
import type { MenuItem, WorkbenchEntry, WorkbenchModule } from '../../workbench/manifest.ts';
import { workbenchEntries as gatesEntries } from './gates/workbench-entries.tsx';
import { workbenchEntries as parkingEntries } from './parking/workbench-entries.tsx';
import { workbenchEntries as visitorsEntries } from './visitors/workbench-entries.tsx';
import './i18n.ts';

/** The parts' pages: live parking and alerts first (what the duty staff watch), then passages and vehicles, then the devices. */
const entries: WorkbenchEntry[] = [...parkingEntries, ...visitorsEntries, ...gatesEntries];

/** The 门禁与停车 group of the menu: every part's entries for `me` (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  const children = entries.flatMap((e) => {
    const item = e.menu?.(t, me);
    if (!item) return [];
    return item.type === 'group' ? (item.children ?? []) : [item];
  });
  return children.length ? { type: 'group', key: 'devices', label: t('devices.menu.group'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'devices', order: 130, routes: entries.flatMap((e) => e.routes ?? []), menu };
