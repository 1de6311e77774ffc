import { StarOutlined } from '@ant-design/icons';
import { FEES_ROLES } from '#server/modules/fees/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The ratings part's workbench page (业主评价) and its menu entry, spread into the fees module's manifest. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [{ path: 'fees/ratings', lazy: page(() => import('./pages/RatingsPage.tsx'), 'RatingsPage') }],
    menu: (t, me) =>
      holds(me, FEES_ROLES.read) ? { type: 'group', key: 'fees', label: t('fees.menu.group'), children: [{ key: '/fees/ratings', icon: <StarOutlined />, label: t('feesRatings.menu.ratings') }] } : null,
  },
];
