import { FileOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The agency part's H5: 政务代办 (my cases and bookings, booking), a case's steps, and its tile on 办事. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'grid/agency', lazy: page(() => import('./h5/AgencyH5Page.tsx'), 'AgencyH5Page') },
      { path: 'grid/agency/:id', lazy: page(() => import('./h5/AgencyCaseH5Page.tsx'), 'AgencyCaseH5Page') },
    ],
    serviceTiles: [{ order: 64, to: '/grid/agency', Icon: FileOutline, label: 'gridAgency.h5.tile', hint: 'gridAgency.h5.tileHint' }],
  },
];
