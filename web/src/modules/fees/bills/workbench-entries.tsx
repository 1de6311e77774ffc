import { FileTextOutlined, HomeOutlined, TagsOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { FEES_ROLES } from '#server/modules/fees/contract.ts';
import type { Me } from '../../../shared/session.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { MenuItem, WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The bills part's workbench pages and menu entries, spread into the fees module's manifest (the server still checks every request). */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'fees/items', lazy: page(() => import('./pages/FeeItemsPage.tsx'), 'FeeItemsPage') },
      { path: 'fees/bills', lazy: page(() => import('./pages/BillsPage.tsx'), 'BillsPage') },
      { path: 'fees/bills/:id', lazy: page(() => import('./pages/BillDetailPage.tsx'), 'BillDetailPage') },
      { path: 'fees/vacancies', lazy: page(() => import('./pages/VacanciesPage.tsx'), 'VacanciesPage') },
    ],
    menu: (t: TFunction, me: Me): MenuItem | null => {
      if (!holds(me, FEES_ROLES.read)) return null;
      return {
        type: 'group',
        key: 'fees-bills',
        label: '',
        children: [
          { key: '/fees/items', icon: <TagsOutlined />, label: t('feesBills.menu.items') },
          { key: '/fees/bills', icon: <FileTextOutlined />, label: t('feesBills.menu.bills') },
          ...(holds(me, FEES_ROLES.bill) ? [{ key: '/fees/vacancies', icon: <HomeOutlined />, label: t('feesBills.menu.vacancies') }] : []),
        ],
      };
    },
  },
];
