import type { Module } from './module.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { approvalRoutes } from './approvals/approvals.routes.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { smsRoutes } from './auth/sms.routes.ts';
import { publicPageRoutes } from './public/public-pages.routes.ts';

/** The kernel's own routes: sign-in, audit log, approvals, task progress, SMS sandbox, the modules' public pages. */
export const kernelModule: Module = {
  name: 'kernel',
  routes(app, kernel) {
    authRoutes(app, kernel);
    auditRoutes(app, kernel);
    approvalRoutes(app, kernel);
    taskRoutes(app, kernel);
    smsRoutes(app, kernel);
    publicPageRoutes(app, kernel);
  },
};
