import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { holdsAnywhere } from '../surveys.policy.ts';
import { SurveysQuery } from '../surveys.schemas.ts';
import { listSurveys } from './list-surveys.ts';

/** The workbench home: how many surveys are open at my places, counted by the list they open. */
export async function surveysStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'readResults')) return {};
  const open = await listSurveys(ctx, SurveysQuery.parse({ status: 'open', pageSize: 1 }));
  return { todos: [{ key: 'surveysOpen', count: open.total, link: '/surveys?status=open' }] };
}
