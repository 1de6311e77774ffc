import type { ResidentEntry } from '../../../resident/manifest.ts';
import { CreditHomeSection } from './h5/CreditHomeSection.tsx';
import './i18n.ts';

/** The credit part's H5 home section: the credit grade of the resident's compound's property company (物业企业信用). */
export const residentEntries: ResidentEntry[] = [{ homeSections: [{ order: 15, Section: CreditHomeSection }] }];
