import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../party.db.ts';
import type { OrgReportsQuery } from '../party.reporting.schemas.ts';
import { communityAt, liaisonOrgs, reportingFilter, yearOf, holdsAnywhere } from './reporting-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** Organisation reports sort by when reported (newest first), organisation, community or status. */
export const OrgReportsSort = sortable(
  { reportedAt: 'r.reported_at', organisation: 'r.organisation_name', community: 'c.name', status: 'r.status' },
  { sort: 'reportedAt', order: 'desc' },
  'r.id',
);

/** 138****0001: a contact's phone as lists show it. */
export const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : `${phone.slice(0, 1)}****`);

function filtered(ctx: Ctx, q: OrgReportsQuery, orgIds: string[], communityPath: string | undefined, year: number) {
  const claimed = sql<boolean>`exists (select 1 from pty_org_claims oc join pty_projects p on p.street_id = oc.street_id and p.id = oc.project_id
    where oc.street_id = r.street_id and oc.organisation_id = r.organisation_id and p.community_id = r.community_id and oc.year = ${year})`;
  return read(ctx)
    .selectFrom('pty_org_reports as r')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.community_id'))
    .select([
      'r.id',
      'r.organisation_id as organisationId',
      'r.organisation_name as organisationName',
      'r.community_id as communityId',
      'c.name as communityName',
      'r.status',
      'r.contact_name as contactName',
      'r.contact_phone as contactPhone',
      'r.note',
      'r.reported_at as reportedAt',
      'r.decided_at as decidedAt',
      'r.decision_note as decisionNote',
      claimed.as('claimedThisYear'),
    ])
    .where(reportingFilter(ctx.actor, 'c.path', 'r.organisation_id', orgIds))
    .$if(!!communityPath, (x) => x.where('c.path', 'like', `${communityPath}%`))
    .$if(!!q.status, (x) => x.where('r.status', '=', q.status!))
    .$if(q.unclaimed === 'true', (x) => x.where('r.status', '=', 'confirmed').where(sql<boolean>`not ${claimed}`))
    .$if(!!q.q, (x) => x.where((eb) => eb.or([eb('r.organisation_name', 'ilike', containing(q.q!)), eb('r.contact_name', 'ilike', containing(q.q!))])));
}

export interface OrgReportRow {
  id: string;
  organisationId: string;
  organisationName: string;
  communityId: string;
  communityName: string;
  status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn';
  contactName: string;
  contactPhone: string;
  note: string;
  reportedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  claimedThisYear: boolean;
}

async function scope(ctx: Ctx, q: OrgReportsQuery) {
  if (!holdsAnywhere(ctx.actor, 'reportingRead')) throw CommonErrors.FORBIDDEN();
  const orgIds = (await liaisonOrgs(read(ctx), ctx)).map((o) => o.id);
  const community = q.communityId ? await communityAt(read(ctx), ctx, q.communityId) : undefined;
  return { orgIds, path: community?.path, year: yearOf(chinaDay(ctx.kernel.clock.now())) };
}

/**
 * 报到单位: workplace organisations' reports — the community's staff those to their communities, a liaison its own
 * organisations' — each with whether the organisation claimed a project of the community this year (本年未认领).
 */
export async function listOrgReports(ctx: Ctx, q: OrgReportsQuery): Promise<Page<OrgReportRow>> {
  const { orgIds, path, year } = await scope(ctx, q);
  const items = OrgReportsSort.orderBy(filtered(ctx, q, orgIds, path, year), q)
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, contactPhone: maskPhone(r.contactPhone) })));
  const count = filtered(ctx, q, orgIds, path, year)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<OrgReportRow>>;
}

const STATUS_ZH = { pending: '待确认', confirmed: '已确认', rejected: '已退回', withdrawn: '已撤回' } as const;

/** The same table (all pages, up to 20,000 rows) as xlsx. */
export async function exportOrgReportsXlsx(ctx: Ctx, q: OrgReportsQuery): Promise<{ fileName: string; content: Buffer }> {
  const { orgIds, path, year } = await scope(ctx, q);
  const rows = await OrgReportsSort.orderBy(filtered(ctx, q, orgIds, path, year), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('报到单位');
  sheet.columns = [
    { header: '单位党组织', width: 30 },
    { header: '报到社区', width: 14 },
    { header: '状态', width: 8 },
    { header: '联系人', width: 10 },
    { header: '联系电话', width: 14 },
    { header: '报到日期', width: 12 },
    { header: '处理日期', width: 12 },
    { header: `${year}年认领项目`, width: 14 },
    { header: '退回原因', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.organisationName,
      r.communityName,
      STATUS_ZH[r.status],
      r.contactName,
      maskPhone(r.contactPhone),
      chinaDay(r.reportedAt),
      r.decidedAt ? chinaDay(r.decidedAt) : '',
      r.status === 'confirmed' ? (r.claimedThisYear ? '已认领' : '未认领') : '',
      r.decisionNote ?? '',
    ]);
  }
  return { fileName: `双报到-报到单位-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
