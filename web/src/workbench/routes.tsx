import type { RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { workbenchModules } from './modules.ts';
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
      { index: true, lazy: page(() => import('./HomePage.tsx'), 'HomePage') },
      ...workbenchModules.flatMap((m) => m.routes),
      { path: 'approvals', lazy: page(() => import('./kernel/ApprovalsPage.tsx'), 'ApprovalsPage') },
      { path: 'payouts', lazy: page(() => import('./kernel/PayoutsPage.tsx'), 'PayoutsPage') },
      { path: 'payouts/:id', lazy: page(() => import('./kernel/PayoutPage.tsx'), 'PayoutPage') },
      { path: 'audit', lazy: page(() => import('./kernel/AuditPage.tsx'), 'AuditPage') },
      { path: 'accounts', lazy: page(() => import('./kernel/AccountsPage.tsx'), 'AccountsPage') },
      { path: 'inbox', lazy: page(() => import('./notify/InboxPage.tsx'), 'InboxPage') },
      { path: 'notify/sendings', lazy: page(() => import('./notify/SendingsPage.tsx'), 'SendingsPage') },
      { path: 'figures', lazy: page(() => import('./kernel/FiguresPage.tsx'), 'FiguresPage') },
      { path: '*', lazy: page(() => import('./layout/NotFoundPage.tsx'), 'NotFoundPage') },
    ],
  },
];
