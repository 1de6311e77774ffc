import { Navigate, type RouteObject } from 'react-router';
import { registryRoutes } from '../modules/registry/workbench.tsx';
import { opinionRoutes } from '../modules/opinions/workbench.tsx';
import { noticeRoutes } from '../modules/notices/workbench.tsx';
import { activationRoutes } from '../modules/activation/workbench.tsx';
import { repairRoutes } from '../modules/repairs/workbench.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { RequireSession } from './layout/RequireSession.tsx';
import { page } from '../shared/lazy-page.ts';

export const workbenchRoutes: RouteObject[] = [
  { path: '/login', lazy: page(() => import('./layout/LoginPage.tsx'), 'LoginPage') },
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
      { path: 'approvals', lazy: page(() => import('./kernel/ApprovalsPage.tsx'), 'ApprovalsPage') },
      { path: 'audit', lazy: page(() => import('./kernel/AuditPage.tsx'), 'AuditPage') },
      { path: '*', lazy: page(() => import('./layout/NotFoundPage.tsx'), 'NotFoundPage') },
    ],
  },
];
