import type { ResidentEntry } from '../../../resident/manifest.ts';
import { StarsHomeSection } from './h5/StarsHomeSection.tsx';
import './i18n.ts';

/** The stars part's H5 home section: the resident's compound's 有礼小区 star and type. */
export const residentEntries: ResidentEntry[] = [{ homeSections: [{ order: 16, Section: StarsHomeSection }] }];
