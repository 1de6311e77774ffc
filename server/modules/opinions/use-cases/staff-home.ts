import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { ADDRESSEE_ROLES } from '../opinions.policy.ts';
import { InboxQuery } from '../opinions.schemas.ts';
import { listInbox } from './list-opinions.ts';

const ANSWERERS = [...new Set(Object.values(ADDRESSEE_ROLES).flat())];

/** The workbench home: posts in my places still waiting for an answer, as the inbox counts them. */
export async function opinionsStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAny(ctx.actor, ANSWERERS)) return {};
  const open = await listInbox(ctx, InboxQuery.parse({ status: 'open', pageSize: 1 }));
  return { todos: [{ key: 'toAnswer', count: open.total, link: '/opinions?status=open' }] };
}
