import { BillOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import { FeesDueHomeSection } from './h5/FeesDueHomeSection.tsx';
import './i18n.ts';

/** The bills part's H5 pages, its home section (待缴物业费) and its tile on the 办事 tab, spread into the fees module's manifest. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'fees', lazy: page(() => import('./h5/MyBillsPage.tsx'), 'MyBillsPage') },
      { path: 'fees/bills/:id', lazy: page(() => import('./h5/MyBillPage.tsx'), 'MyBillPage') },
      { path: 'fees/rooms/:roomId/payers', lazy: page(() => import('./h5/RoomPayersPage.tsx'), 'RoomPayersPage') },
    ],
    homeSections: [{ order: 12, Section: FeesDueHomeSection }],
    serviceTiles: [{ order: 10, to: '/fees', Icon: BillOutline, label: 'feesBills.h5.tile', hint: 'feesBills.h5.tileHint' }],
  },
];
