import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import { ReportingHomeSection } from './h5/ReportingHomeSection.tsx';
import './i18n.ts';

/** The reporting part's H5: a member's 双报到, the community's projects to claim posts of, and their service record. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'party/reporting', lazy: page(() => import('./h5/MyReportingH5Page.tsx'), 'MyReportingH5Page') },
      { path: 'party/projects', lazy: page(() => import('./h5/MyProjectsH5Page.tsx'), 'MyProjectsH5Page') },
      { path: 'party/service', lazy: page(() => import('./h5/MyServiceH5Page.tsx'), 'MyServiceH5Page') },
    ],
    homeSections: [{ order: 30, Section: ReportingHomeSection }],
  },
];
