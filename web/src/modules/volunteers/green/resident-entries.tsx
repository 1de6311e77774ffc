import { EnvironmentOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The green part's H5: 认栽认养 — my compound's plots and my adoptions, a plot's page with its care records — and its tile on 办事. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'volunteers/green', lazy: page(() => import('./h5/GreenPage.tsx'), 'GreenPage') },
      { path: 'volunteers/green/plots/:id', lazy: page(() => import('./h5/PlotPage.tsx'), 'PlotPage') },
    ],
    serviceTiles: [{ order: 60, to: '/volunteers/green', Icon: EnvironmentOutline, label: 'volGreen.h5.tile', hint: 'volGreen.h5.tileHint' }],
  },
];
