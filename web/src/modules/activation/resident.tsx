import type { RouteObject } from 'react-router';
import './i18n.ts';
import { page } from '../../shared/lazy-page.ts';

import type { ResidentModule } from '../../resident/manifest.ts';
import { ActivationGate } from './h5/ActivationGate.tsx';

/**
 * The activation pages of the resident H5, outside the tab bar: /h5/signup, /h5/reset-password (forgot password), /h5/activate (where a
 * slip's QR code leads: /h5/activate?code=…) and /h5/activate/status.
 */
const openRoutes: RouteObject[] = [
  { path: '/signup', lazy: page(() => import('./h5/SignUpPage.tsx'), 'SignUpPage') },
  { path: '/reset-password', lazy: page(() => import('./h5/ResetPasswordPage.tsx'), 'ResetPasswordPage') },
  { path: '/activate', lazy: page(() => import('./h5/ClaimPage.tsx'), 'ClaimPage') },
  { path: '/activate/status', lazy: page(() => import('./h5/ClaimStatusPage.tsx'), 'ClaimStatusPage') },
];

/** A resident without a room is sent to claim one before the home. */
export const resident: ResidentModule = { name: 'activation', order: 50, openRoutes, homeGate: ActivationGate };
