import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../party.db.ts';
import type { MemberReportsQuery } from '../party.reporting.schemas.ts';
import { communityAt, liaisonOrgs, reportingFilter, holdsAnywhere } from './reporting-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** Member reports sort by when reported (newest first), member, community or status. */
export const MemberReportsSort = sortable(
  { reportedAt: 'r.reported_at', member: 'm.person_name', community: 'c.name', status: 'r.status' },
  { sort: 'reportedAt', order: 'desc' },
  'r.id',
);

function filtered(ctx: Ctx, q: MemberReportsQuery, orgIds: string[], communityPath: string | undefined) {
  return read(ctx)
    .selectFrom('pty_member_reports as r')
    .innerJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 'r.street_id').onRef('m.id', '=', 'r.member_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.community_id'))
    .select([
      'r.id',
      'r.member_id as memberId',
      'm.person_name as memberName',
      'm.workplace_org_id as workplaceOrgId',
      'r.community_id as communityId',
      'c.name as communityName',
      'r.status',
      'r.skills',
      'r.note',
      'r.reported_at as reportedAt',
      'r.decided_at as decidedAt',
      'r.decision_note as decisionNote',
    ])
    .where(reportingFilter(ctx.actor, 'c.path', 'm.workplace_org_id', orgIds))
    .$if(!!communityPath, (x) => x.where('c.path', 'like', `${communityPath}%`))
    .$if(!!q.status, (x) => x.where('r.status', '=', q.status!))
    .$if(!!q.q, (x) => x.where((eb) => eb.or([eb('m.person_name', 'ilike', containing(q.q!)), eb('r.skills', 'ilike', containing(q.q!))])));
}

export interface MemberReportRow {
  id: string;
  memberId: string;
  memberName: string;
  workplaceOrgId: string | null;
  communityId: string;
  communityName: string;
  status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
  skills: string;
  note: string;
  reportedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}

async function scope(ctx: Ctx, q: MemberReportsQuery) {
  if (!holdsAnywhere(ctx.actor, 'reportingRead')) throw CommonErrors.FORBIDDEN();
  const orgIds = (await liaisonOrgs(read(ctx), ctx)).map((o) => o.id);
  const community = q.communityId ? await communityAt(read(ctx), ctx, q.communityId) : undefined;
  return { orgIds, path: community?.path };
}

/** 报到党员: employed members' reports — the community's staff those to their communities, a liaison its own organisations' members'. */
export async function listMemberReports(ctx: Ctx, q: MemberReportsQuery): Promise<Page<MemberReportRow>> {
  const { orgIds, path } = await scope(ctx, q);
  const items = MemberReportsSort.orderBy(filtered(ctx, q, orgIds, path), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, orgIds, path)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<MemberReportRow>>;
}

const STATUS_ZH = { pending: '待确认', confirmed: '已确认', rejected: '已退回', withdrawn: '已撤回' } as const;

/** The same table (all pages, up to 20,000 rows) as xlsx. */
export async function exportMemberReportsXlsx(ctx: Ctx, q: MemberReportsQuery): Promise<{ fileName: string; content: Buffer }> {
  const { orgIds, path } = await scope(ctx, q);
  const rows = await MemberReportsSort.orderBy(filtered(ctx, q, orgIds, path), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('报到党员');
  sheet.columns = [
    { header: '党员', width: 10 },
    { header: '报到社区', width: 14 },
    { header: '状态', width: 8 },
    { header: '特长', width: 30 },
    { header: '报到日期', width: 12 },
    { header: '处理日期', width: 12 },
    { header: '退回原因', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.memberName, r.communityName, STATUS_ZH[r.status], r.skills, chinaDay(r.reportedAt), r.decidedAt ? chinaDay(r.decidedAt) : '', r.decisionNote ?? '']);
  }
  return { fileName: `双报到-报到党员-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
