import { TeamOutline } from 'antd-mobile-icons';
import { page } from '../../../shared/lazy-page.ts';
import type { ResidentEntry } from '../../../resident/manifest.ts';
import './i18n.ts';

/** The social part's H5: 社区社会组织 (the community's organisations and funded 公益创投 projects, open books) and its tile on 办事. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [{ path: 'grid/social', lazy: page(() => import('./h5/SocialH5Page.tsx'), 'SocialH5Page') }],
    serviceTiles: [{ order: 66, to: '/grid/social', Icon: TeamOutline, label: 'gridSocial.h5.tile', hint: 'gridSocial.h5.tileHint' }],
  },
];
