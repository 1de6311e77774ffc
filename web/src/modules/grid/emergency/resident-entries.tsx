import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import { EmergencyHomeSection, ScreeningHomeSection } from './h5/EmergencyHomeSection.tsx';
import './i18n.ts';

/**
 * The emergency part's H5: 入户排查 for assigned visitors, 志愿者召集 for volunteers; on the home, the emergency notice
 * pinned above every other section (order -10) and, for visitors only, the 入户排查 entry (no 办事 tile: tiles show
 * to everyone, and this is for those assigned).
 */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'grid/screening', lazy: page(() => import('./h5/ScreeningH5Page.tsx'), 'ScreeningH5Page') },
      { path: 'grid/call-ups', lazy: page(() => import('./h5/CallUpsH5Page.tsx'), 'CallUpsH5Page') },
    ],
    homeSections: [
      { order: -10, Section: EmergencyHomeSection },
      { order: -9, Section: ScreeningHomeSection },
    ],
  },
];
