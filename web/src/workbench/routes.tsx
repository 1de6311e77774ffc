import { Navigate, type RouteObject } from 'react-router';
import { registryRoutes } from '../modules/registry/workbench.tsx';
import { opinionRoutes } from '../modules/opinions/workbench.tsx';
import { noticeRoutes } from '../modules/notices/workbench.tsx';
import { activationRoutes } from '../modules/activation/workbench.tsx';
import { repairRoutes } from '../modules/repairs/workbench.tsx';
import { ApprovalsPage } from './kernel/ApprovalsPage.tsx';
import { AuditPage } from './kernel/AuditPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { LoginPage } from './layout/LoginPage.tsx';
import { NotFoundPage } from './layout/NotFoundPage.tsx';
import { RequireSession } from './layout/RequireSession.tsx';

export const workbenchRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/registry/places" replace /> },
      ...registryRoutes,
      ...opinionRoutes,
      ...noticeRoutes,
      ...activationRoutes,
      ...repairRoutes,
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
