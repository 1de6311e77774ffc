import { isSystem } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { RoundsQuery } from '../grid.social.schemas.ts';
import { listRounds } from './social-rounds-list.ts';

/**
 * The workbench to-dos of the social part, each counting the rounds of the list its link opens: rounds with
 * applications waiting for my scores (a panel member, in review, not my own organisation's, not yet scored by me —
 * shown only when there are some); rounds whose funded list waits for my approval (ventureApprove over the round,
 * not the proposer); rounds with milestone reports waiting for review (socialManage over the round).
 */
export async function socialStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (isSystem(ctx.actor)) return {};
  const count = async (todo: 'score' | 'approve' | 'reports') => (await listRounds(ctx, RoundsQuery.parse({ todo, pageSize: 1 }))).total;
  const todos: NonNullable<StaffHomeSlice['todos']> = [];
  const toScore = await count('score');
  if (toScore > 0) todos.push({ key: 'gridSocialToScore', count: toScore, link: '/grid/social/rounds?todo=score' });
  if (holdsAnywhere(ctx.actor, 'ventureApprove')) todos.push({ key: 'gridSocialFundingToApprove', count: await count('approve'), link: '/grid/social/rounds?todo=approve' });
  if (holdsAnywhere(ctx.actor, 'socialManage')) todos.push({ key: 'gridSocialReportsToReview', count: await count('reports'), link: '/grid/social/rounds?todo=reports' });
  return { todos };
}
