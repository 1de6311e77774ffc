import type { TFunction } from 'i18next';
import type { Me } from '../../shared/session.ts';
import type { MenuItem, WorkbenchEntry, WorkbenchModule } from '../../workbench/manifest.ts';
import { workbenchEntries as arrearsEntries } from './arrears/workbench-entries.tsx';
import { workbenchEntries as billsEntries } from './bills/workbench-entries.tsx';
import { workbenchEntries as booksEntries } from './books/workbench-entries.tsx';
import { workbenchEntries as fundEntries } from './fund/workbench-entries.tsx';
import { workbenchEntries as paymentsEntries } from './payments/workbench-entries.tsx';
import { workbenchEntries as ratingsEntries } from './ratings/workbench-entries.tsx';
import { workbenchEntries as subsidiesEntries } from './subsidies/workbench-entries.tsx';
import './i18n.ts';

/**
 * The parts' pages: bills (items, prices, bills), payments (counter, gateway, reconciliation, settlement), arrears
 * (receipts, arrears, figures), subsidies (先缴后补), ratings (业主评价), fund (维修资金), books (信托账目).
 */
const entries: WorkbenchEntry[] = [...billsEntries, ...paymentsEntries, ...arrearsEntries, ...subsidiesEntries, ...ratingsEntries, ...fundEntries, ...booksEntries];

/** The 物业费 group of the menu: every part's entries for `me` (the server still checks every request). */
function menu(t: TFunction, me: Me): MenuItem | null {
  const children = entries.flatMap((e) => {
    const item = e.menu?.(t, me);
    if (!item) return [];
    return item.type === 'group' ? (item.children ?? []) : [item];
  });
  return children.length ? { type: 'group', key: 'fees', label: t('fees.menu.group'), children } : null;
}

export const workbench: WorkbenchModule = { name: 'fees', order: 100, routes: entries.flatMap((e) => e.routes ?? []), menu };
