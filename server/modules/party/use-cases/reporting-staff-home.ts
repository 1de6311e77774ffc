import type { Ctx } from '../../../kernel/context.ts';
import type { StaffHomeSlice } from '../../../kernel/module.ts';
import { MemberReportsQuery, OrgReportsQuery } from '../party.reporting.schemas.ts';
import { holdsAnywhere } from './reporting-access.ts';
import { listMemberReports } from './reporting-list-member-reports.ts';
import { listOrgReports } from './reporting-list-org-reports.ts';

/**
 * The community's to-dos on the workbench home: 双报到 reports waiting to be confirmed, organisations' and members'
 * (each counted by the list its link opens).
 */
export async function reportingStaffHome(ctx: Ctx): Promise<StaffHomeSlice> {
  if (!holdsAnywhere(ctx.actor, 'reportingManage')) return {};
  const orgs = await listOrgReports(ctx, OrgReportsQuery.parse({ status: 'pending', pageSize: 1 }));
  const members = await listMemberReports(ctx, MemberReportsQuery.parse({ status: 'pending', pageSize: 1 }));
  return {
    todos: [
      { key: 'partyOrgReportsToConfirm', count: orgs.total, link: '/party/org-reports?status=pending' },
      { key: 'partyMemberReportsToConfirm', count: members.total, link: '/party/member-reports?status=pending' },
    ],
  };
}
