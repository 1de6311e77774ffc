import { TeamOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The mediation part's H5: 人民调解 (apply, follow my applications) and its tile 「调解申请」 on 办事. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [{ path: 'grid/mediation', lazy: page(() => import('./h5/MediationH5Page.tsx'), 'MediationH5Page') }],
    serviceTiles: [{ order: 66, to: '/grid/mediation', Icon: TeamOutline, label: 'gridMediation.h5.tile', hint: 'gridMediation.h5.tileHint' }],
  },
];
