import type { ResidentEntry } from '../../../resident/manifest.ts';
import { page } from '../../../shared/lazy-page.ts';
import './i18n.ts';

/** The payments part's H5 pages: confirm and pay, the sandbox's cashier, the result polled until booked. */
export const residentEntries: ResidentEntry[] = [
  {
    routes: [
      { path: 'fees/pay', lazy: page(() => import('./h5/PayPage.tsx'), 'PayPage') },
      { path: 'fees/pay/result/:orderId', lazy: page(() => import('./h5/PayResultPage.tsx'), 'PayResultPage') },
      { path: 'fees/sandbox/:orderNo', lazy: page(() => import('./h5/SandboxCashierPage.tsx'), 'SandboxCashierPage') },
    ],
  },
];
