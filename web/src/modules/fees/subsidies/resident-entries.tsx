import { GiftOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The subsidies part's H5 page (物业费补贴: my 先缴后补 subsidies and their stage) and its tile on the 办事 tab. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [{ path: 'fees/subsidies', lazy: page(() => import('./h5/MySubsidiesPage.tsx'), 'MySubsidiesPage') }],
    serviceTiles: [{ order: 12, to: '/fees/subsidies', Icon: GiftOutline, label: 'feesSubsidies.h5.tile', hint: 'feesSubsidies.h5.tileHint' }],
  },
];
