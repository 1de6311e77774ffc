import type { RouteObject } from 'react-router';
import { MyHomePage } from '../modules/registry/h5/MyHomePage.tsx';
import { opinionResidentRoutes } from '../modules/opinions/resident.tsx';
import { noticeResidentRoutes } from '../modules/notices/resident.tsx';
import { ActivationGate, activationResidentRoutes } from '../modules/activation/resident.tsx';
import { repairResidentRoutes } from '../modules/repairs/resident.tsx';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { MePage } from './MePage.tsx';
import { RequireResident } from './RequireResident.tsx';
import { TabLayout } from './TabLayout.tsx';

export const residentRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
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
      { path: 'me', element: <MePage /> },
      { path: '*', element: <ComingSoonPage area="notFound" /> },
    ],
  },
];
