import { AlertOutlined, BarChartOutlined, FileDoneOutlined, FileTextOutlined, SolutionOutlined } from '@ant-design/icons';
import { FEES_ROLES } from '#server/modules/fees/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The arrears part's workbench pages and menu entries, spread into the fees module's manifest. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'fees/receipts', lazy: page(() => import('./pages/ReceiptsPage.tsx'), 'ReceiptsPage') },
      { path: 'fees/invoices', lazy: page(() => import('./pages/InvoicesPage.tsx'), 'InvoicesPage') },
      { path: 'fees/arrears', lazy: page(() => import('./pages/ArrearsPage.tsx'), 'ArrearsPage') },
      { path: 'fees/arrears/batches/:id', lazy: page(() => import('./pages/BatchPage.tsx'), 'BatchPage') },
      { path: 'fees/cases', lazy: page(() => import('./pages/CasesPage.tsx'), 'CasesPage') },
      { path: 'fees/collection', lazy: page(() => import('./pages/CollectionPage.tsx'), 'CollectionPage') },
    ],
    menu: (t, me) => {
      const children = [
        ...(holds(me, FEES_ROLES.read)
          ? [
              { key: '/fees/receipts', icon: <FileDoneOutlined />, label: t('feesArrears.menu.receipts') },
              { key: '/fees/invoices', icon: <FileTextOutlined />, label: t('feesArrears.menu.invoices') },
              { key: '/fees/arrears', icon: <AlertOutlined />, label: t('feesArrears.menu.arrears') },
              { key: '/fees/cases', icon: <SolutionOutlined />, label: t('feesArrears.menu.cases') },
            ]
          : []),
        ...(holds(me, FEES_ROLES.figures) ? [{ key: '/fees/collection', icon: <BarChartOutlined />, label: t('feesArrears.menu.collection') }] : []),
      ];
      return children.length ? { type: 'group', key: 'fees', label: t('fees.menu.group'), children } : null;
    },
  },
];
