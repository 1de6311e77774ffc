import { HeartOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The registry part's H5: volunteer sign-up, my hours and points, rewards; the 「志愿服务」 tile on the 办事 tab. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'volunteers/join', lazy: page(() => import('./h5/JoinPage.tsx'), 'JoinPage') },
      { path: 'volunteers/me', lazy: page(() => import('./h5/MePage.tsx'), 'MePage') },
      { path: 'volunteers/rewards', lazy: page(() => import('./h5/RewardsH5Page.tsx'), 'RewardsH5Page') },
    ],
    serviceTiles: [{ order: 50, to: '/volunteers/me', Icon: HeartOutline, label: 'volRegistry.h5.tile', hint: 'volRegistry.h5.tileHint' }],
  },
];
