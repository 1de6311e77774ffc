import type { RouteObject } from 'react-router';
import { MyHomePage } from '../modules/registry/h5/MyHomePage.tsx';
import { opinionResidentRoutes } from '../modules/opinions/resident.tsx';
import { noticeResidentRoutes } from '../modules/notices/resident.tsx';
import { ActivationGate, activationResidentRoutes } from '../modules/activation/resident.tsx';
import { repairResidentRoutes } from '../modules/repairs/resident.tsx';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import { RequireResident } from './RequireResident.tsx';
import { TabLayout } from './TabLayout.tsx';
import { page } from '../shared/lazy-page.ts';

export const residentRoutes: RouteObject[] = [
  { path: '/login', lazy: page(() => import('./LoginPage.tsx'), 'LoginPage') },
  ...activationResidentRoutes,
  {
    path: '/',
    element: (
      <RequireResident>
        <TabLayout />
      </RequireResident>
    ),
    children: [
      {
        index: true,
        element: (
          <ActivationGate>
            <MyHomePage />
          </ActivationGate>
        ),
      },
      ...repairResidentRoutes,
      ...opinionResidentRoutes,
      ...noticeResidentRoutes,
      { path: 'me', lazy: page(() => import('./MePage.tsx'), 'MePage') },
      { path: '*', element: <ComingSoonPage area="notFound" /> },
    ],
  },
];
