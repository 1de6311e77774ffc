import { AlertOutlined, AuditOutlined, BankOutlined, TransactionOutlined, WalletOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { FEES_ROLES } from '#server/modules/fees/contract.ts';
import type { Me } from '../../../shared/session.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { MenuItem, WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The payments part's workbench pages: 柜台收款, 缴费记录, 支付异常, 对账 (bill role), 清分结算 (settle role). */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'fees/counter', lazy: page(() => import('./pages/CounterPage.tsx'), 'CounterPage') },
      { path: 'fees/payments', lazy: page(() => import('./pages/PaymentsPage.tsx'), 'PaymentsPage') },
      { path: 'fees/flagged-orders', lazy: page(() => import('./pages/FlaggedOrdersPage.tsx'), 'FlaggedOrdersPage') },
      { path: 'fees/reconciliation-diffs', lazy: page(() => import('./pages/ReconciliationPage.tsx'), 'ReconciliationPage') },
      { path: 'fees/settlements', lazy: page(() => import('./pages/SettlementsPage.tsx'), 'SettlementsPage') },
    ],
    menu: (t: TFunction, me: Me): MenuItem | null => {
      const children = [
        holds(me, FEES_ROLES.bill) && { key: '/fees/counter', icon: <WalletOutlined />, label: t('feesPayments.menu.counter') },
        holds(me, FEES_ROLES.read) && { key: '/fees/payments', icon: <TransactionOutlined />, label: t('feesPayments.menu.payments') },
        holds(me, FEES_ROLES.read) && { key: '/fees/flagged-orders', icon: <AlertOutlined />, label: t('feesPayments.menu.flagged') },
        holds(me, FEES_ROLES.bill) && { key: '/fees/reconciliation-diffs', icon: <AuditOutlined />, label: t('feesPayments.menu.recon') },
        holds(me, FEES_ROLES.settle) && { key: '/fees/settlements', icon: <BankOutlined />, label: t('feesPayments.menu.settle') },
      ].filter((x) => !!x) as MenuItem[];
      return children.length ? { type: 'group', key: 'feesPayments', label: '', children } : null;
    },
  },
];
