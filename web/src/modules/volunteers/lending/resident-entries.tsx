import { SetOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The lending part's H5: the compound's tools and books, an item (申请借用), 我的出借, and the 工具图书 tile on the 办事 tab. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'volunteers/lending', lazy: page(() => import('./h5/CataloguePage.tsx'), 'CataloguePage') },
      { path: 'volunteers/lending/mine', lazy: page(() => import('./h5/MyLendingPage.tsx'), 'MyLendingPage') },
      { path: 'volunteers/lending/:id', lazy: page(() => import('./h5/ItemPage.tsx'), 'ItemPage') },
    ],
    serviceTiles: [{ order: 54, to: '/volunteers/lending', Icon: SetOutline, label: 'volLending.h5.tile', hint: 'volLending.h5.tileHint' }],
  },
];
