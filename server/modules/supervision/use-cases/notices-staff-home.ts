import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../supervision.policy.ts';
import { listNotices } from './list-notices.ts';

/**
 * The workbench home's to-dos, counted by the list they open: a company's notices waiting for its answer; an
 * issuer's answers waiting for verification; overdue notices (for both sides).
 */
export async function noticesStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  const todos: NonNullable<StaffHomeSlice['todos']> = [];
  const count = async (q: Omit<Parameters<typeof listNotices>[1], 'page' | 'pageSize'>) => (await listNotices(ctx, { ...q, page: 1, pageSize: 1 })).total;
  const base = { sort: 'issuedAt', order: 'desc' } as const;
  if (holdsAnywhere(ctx.actor, 'noticesRespond')) {
    todos.push({ key: 'supervisionNoticesToAnswer', count: await count({ ...base, stage: 'waiting' }), link: '/supervision/notices?stage=waiting' });
  }
  if (holdsAnywhere(ctx.actor, 'noticesIssue')) {
    todos.push({ key: 'supervisionNoticesToVerify', count: await count({ ...base, stage: 'verifying' }), link: '/supervision/notices?stage=verifying' });
  }
  if (holdsAnywhere(ctx.actor, 'noticesRead')) {
    todos.push({ key: 'supervisionNoticesOverdue', count: await count({ ...base, overdue: true }), link: '/supervision/notices?overdue=true' });
  }
  return { todos };
}
