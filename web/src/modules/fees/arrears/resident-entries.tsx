import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The arrears part's H5 pages: my receipts and one receipt (the link from the bills page is the bills part's). */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'fees/receipts', lazy: page(() => import('./h5/MyReceiptsPage.tsx'), 'MyReceiptsPage') },
      { path: 'fees/receipts/:id', lazy: page(() => import('./h5/MyReceiptPage.tsx'), 'MyReceiptPage') },
    ],
  },
];
