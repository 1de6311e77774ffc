import { ShopOutlined } from '@ant-design/icons';
import { PARTY_ROLES } from '#server/modules/party/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The stations part's workbench pages (红色驿站: the list, a station with its week's roster) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'party/stations', lazy: page(() => import('./pages/StationsPage.tsx'), 'StationsPage') },
      { path: 'party/stations/:id', lazy: page(() => import('./pages/StationPage.tsx'), 'StationPage') },
    ],
    menu: (t, me) => (holds(me, PARTY_ROLES.stationsRead) ? { key: '/party/stations', icon: <ShopOutlined />, label: t('partyStations.menu.title') } : null),
  },
];
