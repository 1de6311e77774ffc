import { EnvironmentOutlined } from '@ant-design/icons';
import { VOLUNTEERS_ROLES } from '#server/modules/volunteers/contract.ts';
import { page } from '../../../shared/lazy-page.ts';
import type { Me } from '../../../shared/session.ts';
import type { WorkbenchEntry } from '../../../workbench/manifest.ts';
import './i18n.ts';

const holds = (me: Me, roles: readonly string[]) => me.grants.some((g) => roles.includes(g.role));

/** The green part's workbench pages (认栽认养: the plots, a plot, the applications, the rates per compound) and menu entry. */
export const workbenchEntries: WorkbenchEntry[] = [
  {
    routes: [
      { path: 'volunteers/green', lazy: page(() => import('./pages/PlotsPage.tsx'), 'PlotsPage') },
      { path: 'volunteers/green/adoptions', lazy: page(() => import('./pages/AdoptionsPage.tsx'), 'AdoptionsPage') },
      { path: 'volunteers/green/rates', lazy: page(() => import('./pages/RatesPage.tsx'), 'RatesPage') },
      { path: 'volunteers/green/plots/:id', lazy: page(() => import('./pages/PlotPage.tsx'), 'PlotPage') },
    ],
    menu: (t, me) => (holds(me, VOLUNTEERS_ROLES.greenRead) ? { key: '/volunteers/green', icon: <EnvironmentOutlined />, label: t('volGreen.menu.title') } : null),
  },
];
