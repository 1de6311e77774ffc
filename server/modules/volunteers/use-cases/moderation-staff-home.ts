import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { ModerationQuery } from '../volunteers.boards.schemas.ts';
import { holdsAnywhere } from '../volunteers.policy.ts';
import { listModeration } from './moderation-list.ts';

/** The moderators' to-do on the workbench home: reported listings still showing (counted by the queue its link opens). */
export async function moderationStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'boardsModerate')) return {};
  const reported = await listModeration(ctx, ModerationQuery.parse({ state: 'reported', pageSize: 1 }));
  return { todos: [{ key: 'volBoardsReported', count: reported.total, link: '/volunteers/moderation?state=reported' }] };
}
