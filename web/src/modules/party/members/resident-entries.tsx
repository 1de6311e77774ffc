import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import { MemberHomeSection } from './h5/MemberHomeSection.tsx';
import './i18n.ts';

/** The members part's H5: 我的党员身份 (/h5/party/me) and, for a member, the 党员之家 home section leading there. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [{ path: 'party/me', lazy: page(() => import('./h5/MyMembershipPage.tsx'), 'MyMembershipPage') }],
    homeSections: [{ order: 30, Section: MemberHomeSection }],
  },
];
