import { BankOutlined, BarChartOutlined, CalendarOutlined, FileDoneOutlined, ShopOutlined } from '@ant-design/icons';
import { GRID_ROLES } from '#server/modules/grid/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));
const reads = (me: Me) => holds(me, GRID_ROLES.agencyRead);

/** The agency part's workbench pages (代办件, a case, 预约, 代办点, 服务事项, 代办统计) and their menu entries. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'grid/agency/cases', lazy: page(() => import('./pages/CasesPage.tsx'), 'CasesPage') },
      { path: 'grid/agency/cases/:id', lazy: page(() => import('./pages/CasePage.tsx'), 'CasePage') },
      { path: 'grid/agency/bookings', lazy: page(() => import('./pages/BookingsPage.tsx'), 'BookingsPage') },
      { path: 'grid/agency/points', lazy: page(() => import('./pages/PointsPage.tsx'), 'PointsPage') },
      { path: 'grid/agency/services', lazy: page(() => import('./pages/ServicesPage.tsx'), 'ServicesPage') },
      { path: 'grid/agency/figures', lazy: page(() => import('./pages/FiguresPage.tsx'), 'FiguresPage') },
    ],
    menu: (t, me) =>
      reads(me)
        ? {
            key: 'grid-agency',
            icon: <BankOutlined />,
            label: t('gridAgency.menu.title'),
            children: [
              { key: '/grid/agency/cases', icon: <FileDoneOutlined />, label: t('gridAgency.menu.cases') },
              { key: '/grid/agency/bookings', icon: <CalendarOutlined />, label: t('gridAgency.menu.bookings') },
              { key: '/grid/agency/points', icon: <ShopOutlined />, label: t('gridAgency.menu.points') },
              { key: '/grid/agency/services', icon: <FileDoneOutlined />, label: t('gridAgency.menu.services') },
              { key: '/grid/agency/figures', icon: <BarChartOutlined />, label: t('gridAgency.menu.figures') },
            ],
          }
        : null,
  },
];
