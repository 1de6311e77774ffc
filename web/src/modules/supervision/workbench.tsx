import type { TFunction } from 'i18next';
import type { Me } from '../../shared/session.ts';
import type { MenuItem, WorkbenchEntry, WorkbenchModule } from '../../workbench/manifest.ts';
import { workbenchEntries as assessmentEntries } from './assessment/workbench-entries.tsx';
import { workbenchEntries as committeesEntries } from './committees/workbench-entries.tsx';
import { workbenchEntries as creditEntries } from './credit/workbench-entries.tsx';
import { workbenchEntries as listsEntries } from './lists/workbench-entries.tsx';
import { workbenchEntries as starsEntries } from './stars/workbench-entries.tsx';
import { workbenchEntries as subsidyEntries } from './subsidy/workbench-entries.tsx';
import { workbenchEntries as rectificationEntries } from './rectification/workbench-entries.tsx';
import { workbenchEntries as sheetsEntries } from './sheets/workbench-entries.tsx';
import './i18n.ts';

/** The parts' pages: assessment (四色考评), rectification (整改通知单), sheets and inspections (考评标准, 检查). */
const entries: WorkbenchEntry[] = [...assessmentEntries, ...rectificationEntries, ...sheetsEntries, ...creditEntries, ...listsEntries, ...starsEntries, ...committeesEntries, ...subsidyEntries];

/** The 监督考评 group of the menu: every part's entries for `me` (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  const children = entries.flatMap((e) => {
    const item = e.menu?.(t, me);
    if (!item) return [];
    return item.type === 'group' ? (item.children ?? []) : [item];
  });
  return children.length ? { type: 'group', key: 'supervision', label: t('supervision.menu.group'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'supervision', order: 110, routes: entries.flatMap((e) => e.routes ?? []), menu };
