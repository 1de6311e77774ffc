import { BankcardOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The fund part's H5 pages: my compound's maintenance fund and one quarter's publication. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'fees/fund', lazy: page(() => import('./h5/MyFundPage.tsx'), 'MyFundPage') },
      { path: 'fees/fund/:id', lazy: page(() => import('./h5/MyFundPublicationPage.tsx'), 'MyFundPublicationPage') },
    ],
    serviceTiles: [{ order: 40, to: '/fees/fund', Icon: BankcardOutline, label: 'feesFund.h5.tile', hint: 'feesFund.h5.tileHint' }],
  },
];
