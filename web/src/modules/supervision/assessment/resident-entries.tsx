import type { ResidentEntry } from '../../../resident/manifest.ts';
import { AssessmentHomeSection } from './h5/AssessmentHomeSection.tsx';
import './i18n.ts';

/** The assessment part's H5 home section: the resident's compound's published colour (物业服务评价). */
export const residentEntries: ResidentEntry[] = [{ homeSections: [{ order: 14, Section: AssessmentHomeSection }] }];
