import type { Module } from './module.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { approvalRoutes } from './approvals/approvals.routes.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { smsRoutes } from './notify/channels/sms.routes.ts';
import { notifyRoutes } from './notify/notify.routes.ts';
import { deliveryJob, settleAbandoned } from './notify/deliver.ts';
import { restoreSandboxConsents } from './notify/notify.seed.ts';
import { APPROVAL_NOTIFICATIONS, approvalsStaffHome } from './approvals/approvals.ts';
import { figureRoutes } from './figures/figures.routes.ts';
import { monthEndSnapshotJob } from './figures/figures.ts';
import { payoutRoutes } from './payouts/payouts.routes.ts';
import { payoutsStaffHome } from './payouts/payouts-read.ts';
import { PAYOUT_NOTIFICATIONS, payoutsJob } from './payouts/payouts.ts';
import { publicPageRoutes } from './public/public-pages.routes.ts';
import { privacyRoutes } from './privacy/privacy.routes.ts';
import { kernelPersonalData } from './privacy/privacy.ts';
import { retentionJob } from './privacy/retention.ts';

/**
 * The kernel's own routes (sign-in, audit log, approvals, task progress, notifications, figures, payout
 * statements, the modules' public pages), its jobs (notification delivery, the figures' month-end
 * snapshot, payout statements) and templates.
 */
export const kernelModule: Module = {
  name: 'kernel',
  routes(app, kernel) {
    authRoutes(app, kernel);
    auditRoutes(app, kernel);
    approvalRoutes(app, kernel);
    taskRoutes(app, kernel);
    smsRoutes(app, kernel);
    notifyRoutes(app, kernel);
    figureRoutes(app, kernel);
    payoutRoutes(app, kernel);
    publicPageRoutes(app, kernel);
    privacyRoutes(app, kernel);
  },
  personalData: { sheets: kernelPersonalData },
  notifications: { templates: [...APPROVAL_NOTIFICATIONS, ...PAYOUT_NOTIFICATIONS] },
  // The kernel's to-dos on the workbench home: approvals and payout statements waiting for this official.
  async staffHome(ctx) {
    const [approvals, payouts] = await Promise.all([approvalsStaffHome(ctx), payoutsStaffHome(ctx)]);
    return { todos: [...(approvals.todos ?? []), ...(payouts.todos ?? [])] };
  },
  jobs: [deliveryJob, monthEndSnapshotJob, payoutsJob, retentionJob],
  async recover(kernel) {
    await settleAbandoned(kernel);
    await restoreSandboxConsents(kernel);
  },
};
