import { TruckOutline, UserAddOutline } from 'antd-mobile-icons';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import { PassesHomeSection } from './h5/PassesHomeSection.tsx';
import './i18n.ts';

/** The visitors part's H5 pages (我的车辆, 访客通行 and a pass's QR code), the home's upcoming passes and two 办事 tiles. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'devices/vehicles', lazy: page(() => import('./h5/MyVehiclesH5Page.tsx'), 'MyVehiclesH5Page') },
      { path: 'devices/passes', lazy: page(() => import('./h5/PassesH5Page.tsx'), 'PassesH5Page') },
      { path: 'devices/passes/new', lazy: page(() => import('./h5/NewPassH5Page.tsx'), 'NewPassH5Page') },
      { path: 'devices/passes/:id', lazy: page(() => import('./h5/PassH5Page.tsx'), 'PassH5Page') },
    ],
    homeSections: [{ order: 30, Section: PassesHomeSection }],
    serviceTiles: [
      { order: 60, to: '/devices/passes', Icon: UserAddOutline, label: 'devicesVisitors.h5.passesTile', hint: 'devicesVisitors.h5.passesTileHint' },
      { order: 61, to: '/devices/vehicles', Icon: TruckOutline, label: 'devicesVisitors.h5.vehiclesTile', hint: 'devicesVisitors.h5.vehiclesTileHint' },
    ],
  },
];
