import type { TFunction } from 'i18next';
import type { Me } from '../../shared/session.ts';
import type { MenuItem, WorkbenchEntry, WorkbenchModule } from '../../workbench/manifest.ts';
import { workbenchEntries as activitiesEntries } from './activities/workbench-entries.tsx';
import { workbenchEntries as lettersEntries } from './letters/workbench-entries.tsx';
import { workbenchEntries as membersEntries } from './members/workbench-entries.tsx';
import { workbenchEntries as reportingEntries } from './reporting/workbench-entries.tsx';
import { workbenchEntries as stationsEntries } from './stations/workbench-entries.tsx';
import './i18n.ts';

/** The parts' pages: members and the organisation tree, 双报到, letters, 红色驿站, party activities. */
const entries: WorkbenchEntry[] = [...membersEntries, ...reportingEntries, ...lettersEntries, ...stationsEntries, ...activitiesEntries];

/** The 党建引领 group of the menu: every part's entries for `me` (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  const children = entries.flatMap((e) => {
    const item = e.menu?.(t, me);
    if (!item) return [];
    return item.type === 'group' ? (item.children ?? []) : [item];
  });
  return children.length ? { type: 'group', key: 'party', label: t('party.menu.group'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'party', order: 115, routes: entries.flatMap((e) => e.routes ?? []), menu };
