import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import { HomePage } from './HomePage.tsx';
import { residentModules } from './modules.ts';
import { RequireResident } from './RequireResident.tsx';
import { TabLayout } from './TabLayout.tsx';
import { page } from '../shared/lazy-page.ts';

/** The home inside every module's gate (activation: a resident without a room claims one first). */
const home = residentModules.reduce<ReactNode>((inner, m) => (m.homeGate ? <m.homeGate>{inner}</m.homeGate> : inner), <HomePage />);

export const residentRoutes: RouteObject[] = [
  { path: '/login', lazy: page(() => import('./LoginPage.tsx'), 'LoginPage') },
  // Any module's public page (a lobby's QR code): no sign-in, outside the tab bar.
  { path: '/p/:key/:id?', lazy: page(() => import('./public/PublicPage.tsx'), 'PublicPage') },
  ...residentModules.flatMap((m) => m.openRoutes ?? []),
  {
    path: '/',
    element: (
      <RequireResident>
        <TabLayout />
      </RequireResident>
    ),
    children: [
      { index: true, element: home },
      ...residentModules.flatMap((m) => m.routes ?? []),
      { path: 'me', lazy: page(() => import('./MePage.tsx'), 'MePage') },
      { path: 'me/privacy', lazy: page(() => import('./privacy/PrivacyPage.tsx'), 'PrivacyPage') },
      { path: 'messages', lazy: page(() => import('./messages/MessagesPage.tsx'), 'MessagesPage') },
      { path: 'messages/settings', lazy: page(() => import('./messages/MessageSettingsPage.tsx'), 'MessageSettingsPage') },
      { path: '*', element: <ComingSoonPage area="notFound" /> },
    ],
  },
];
