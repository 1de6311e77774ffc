import { TeamOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The boards part's H5: the compound's board 邻里互助 (拼车, 二手), the form to post, a listing's page; its tile on 办事. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'volunteers/boards', lazy: page(() => import('./h5/BoardPage.tsx'), 'BoardPage') },
      { path: 'volunteers/boards/new', lazy: page(() => import('./h5/PostPage.tsx'), 'PostPage') },
      { path: 'volunteers/boards/:id', lazy: page(() => import('./h5/ListingPage.tsx'), 'ListingPage') },
    ],
    serviceTiles: [{ order: 60, to: '/volunteers/boards', Icon: TeamOutline, label: 'volBoards.h5.tile', hint: 'volBoards.h5.tileHint' }],
  },
];
