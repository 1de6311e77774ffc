import { CameraOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The events part's H5: 随手拍 (the events I reported, report one at my compound, rate a closed one) and its tile on 办事. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [{ path: 'grid/events', lazy: page(() => import('./h5/EventsH5Page.tsx'), 'EventsH5Page') }],
    serviceTiles: [{ order: 62, to: '/grid/events', Icon: CameraOutline, label: 'gridEvents.h5.tile', hint: 'gridEvents.h5.tileHint' }],
  },
];
