import { BankOutlined } from '@ant-design/icons';
import { FUND_ROLES } from '#server/modules/fees/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The fund part's workbench page (维修资金) and its menu entry, spread into the fees module's manifest. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'fees/fund', lazy: page(() => import('./pages/FundPage.tsx'), 'FundPage') },
      { path: 'fees/fund/:tab', lazy: page(() => import('./pages/FundPage.tsx'), 'FundPage') },
    ],
    menu: (t, me) =>
      holds(me, FUND_ROLES.read) ? { type: 'group', key: 'fees', label: t('fees.menu.group'), children: [{ key: '/fees/fund', icon: <BankOutlined />, label: t('feesFund.menu.fund') }] } : null,
  },
];
