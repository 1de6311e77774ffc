import { z } from 'zod';
import type { Kernel } from '../context.ts';
import type { App } from '../module.ts';
import { PageQuery } from '../pagination.ts';
import { ctxOf } from '../http/server.ts';
import { ApprovalsSort, decideApproval, listApprovals } from './approvals.ts';

const IdParams = z.object({ id: z.uuid() });
const Decision = z.object({ note: z.string().trim().max(500).optional() });

export function approvalRoutes(app: App, kernel: Kernel) {
  app.get(
    '/api/approvals',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Requests waiting for (or decided by) a second approver in my places',
        querystring: PageQuery.extend({ status: z.enum(['pending', 'approved', 'rejected']).optional(), ...ApprovalsSort.query }),
      },
    },
    async (req) => listApprovals(ctxOf(kernel, req), req.query),
  );
  app.post(
    '/api/approvals/:id/approve',
    { schema: { tags: ['approvals'], summary: 'Approve and apply a sensitive change', params: IdParams, body: Decision } },
    async (req) => decideApproval(ctxOf(kernel, req), req.params.id, 'approve', req.body.note),
  );
  app.post(
    '/api/approvals/:id/reject',
    { schema: { tags: ['approvals'], summary: 'Reject a sensitive change', params: IdParams, body: Decision } },
    async (req) => decideApproval(ctxOf(kernel, req), req.params.id, 'reject', req.body.note),
  );
}
