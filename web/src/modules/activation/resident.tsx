import type { RouteObject } from 'react-router';
import './i18n.ts';
import { ClaimPage } from './h5/ClaimPage.tsx';
import { ClaimStatusPage } from './h5/ClaimStatusPage.tsx';
import { SignUpPage } from './h5/SignUpPage.tsx';

export { ActivationGate } from './h5/ActivationGate.tsx';

/**
 * The activation pages of the resident H5, outside the tab bar: /h5/signup, /h5/activate (where a
 * slip's QR code leads: /h5/activate?code=…) and /h5/activate/status.
 */
export const activationResidentRoutes: RouteObject[] = [
  { path: '/signup', element: <SignUpPage /> },
  { path: '/activate', element: <ClaimPage /> },
  { path: '/activate/status', element: <ClaimStatusPage /> },
];
