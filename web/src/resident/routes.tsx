import type { RouteObject } from 'react-router';
import { MyHomePage } from '../modules/registry/h5/MyHomePage.tsx';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { MePage } from './MePage.tsx';
import { RequireResident } from './RequireResident.tsx';
import { TabLayout } from './TabLayout.tsx';

export const residentRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireResident>
        <TabLayout />
      </RequireResident>
    ),
    children: [
      { index: true, element: <MyHomePage /> },
      { path: 'services', element: <ComingSoonPage area="services" /> },
      { path: 'decide', element: <ComingSoonPage area="decide" /> },
      { path: 'me', element: <MePage /> },
      { path: '*', element: <ComingSoonPage area="notFound" /> },
    ],
  },
];
