import type { TFunction } from 'i18next';
import type { Me } from '../../shared/session.ts';
import type { MenuItem, WorkbenchEntry, WorkbenchModule } from '../../workbench/manifest.ts';
import { workbenchEntries as agencyEntries } from './agency/workbench-entries.tsx';
import { workbenchEntries as collectionEntries } from './collection/workbench-entries.tsx';
import { workbenchEntries as emergencyEntries } from './emergency/workbench-entries.tsx';
import { workbenchEntries as eventsEntries } from './events/workbench-entries.tsx';
import { workbenchEntries as mediationEntries } from './mediation/workbench-entries.tsx';
import { workbenchEntries as socialEntries } from './social/workbench-entries.tsx';
import './i18n.ts';

/** The parts' pages: emergency mode first (when it is on it matters most), grid events and liaisons, the four-actuals collection, agency points and cases, mediation, social organisations and 公益创投. */
const entries: WorkbenchEntry[] = [...emergencyEntries, ...eventsEntries, ...collectionEntries, ...agencyEntries, ...mediationEntries, ...socialEntries];

/** The 网格治理 group of the menu: every part's entries for `me` (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  const children = entries.flatMap((e) => {
    const item = e.menu?.(t, me);
    if (!item) return [];
    return item.type === 'group' ? (item.children ?? []) : [item];
  });
  return children.length ? { type: 'group', key: 'grid', label: t('grid.menu.group'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'grid', order: 125, routes: entries.flatMap((e) => e.routes ?? []), menu };
