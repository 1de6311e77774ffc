import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { NoticesPolicy } from '../notices.policy.ts';
import { NoticesQuery } from '../notices.schemas.ts';
import { listNotices } from './list-notices.ts';

/** The workbench home: drafts not yet published, for those who publish, as the notices list counts them. */
export async function noticesStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAny(ctx.actor, [...NoticesPolicy.publishOfficial, ...NoticesPolicy.publishProperty])) return {};
  const drafts = await listNotices(ctx, NoticesQuery.parse({ status: 'draft', pageSize: 1 }));
  return { todos: [{ key: 'drafts', count: drafts.total, link: '/notices?status=draft' }] };
}
