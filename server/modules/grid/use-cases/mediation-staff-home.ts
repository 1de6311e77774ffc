import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { CasesQuery } from '../grid.mediation.schemas.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { listMediationCases } from './mediation-cases-list.ts';

/**
 * The workbench to-dos of mediation (counted by the lists their links open): cases waiting for acceptance (for the
 * committees' managers), my assigned open cases, and open cases past their time limit.
 */
export async function mediationStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'mediationRead')) return {};
  const manages = holdsAnywhere(ctx.actor, 'mediationManage');
  const [applied, mine, overdue] = await Promise.all([
    manages ? listMediationCases(ctx, CasesQuery.parse({ status: 'applied', pageSize: 1 })) : null,
    listMediationCases(ctx, CasesQuery.parse({ status: 'open', mine: 'true', pageSize: 1 })),
    listMediationCases(ctx, CasesQuery.parse({ overdue: 'true', pageSize: 1 })),
  ]);
  return {
    todos: [
      ...(applied ? [{ key: 'gridMediationToAccept', count: applied.total, link: '/grid/mediation/cases?status=applied' }] : []),
      { key: 'gridMediationMine', count: mine.total, link: '/grid/mediation/cases?status=open&mine=true' },
      { key: 'gridMediationOverdue', count: overdue.total, link: '/grid/mediation/cases?overdue=true' },
    ],
  };
}
