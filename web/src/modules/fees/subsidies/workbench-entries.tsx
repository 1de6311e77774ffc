import { GiftOutlined } from '@ant-design/icons';
import { SUBSIDY_READ_ROLES } from '#server/modules/fees/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The subsidies part's workbench page (先缴后补: policy, lines, the way to the statements) and its menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [{ path: 'fees/subsidies', lazy: page(() => import('./pages/SubsidiesPage.tsx'), 'SubsidiesPage') }],
    menu: (t, me) =>
      holds(me, SUBSIDY_READ_ROLES) ? { type: 'group', key: 'fees', label: t('fees.menu.group'), children: [{ key: '/fees/subsidies', icon: <GiftOutlined />, label: t('feesSubsidies.menu') }] } : null,
  },
];
