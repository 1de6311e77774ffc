import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../party.db.ts';
import type { ServicesQuery } from '../party.reporting.schemas.ts';
import { communityAt, holdsAnywhere, liaisonOrgs, reportingFilter } from './reporting-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** Service records sort by day (latest first), member, minutes or points. */
export const ServicesSort = sortable(
  { servedOn: 's.served_on', member: 'm.person_name', minutes: 's.minutes', points: 's.points' },
  { sort: 'servedOn', order: 'desc' },
  's.id',
);

function filtered(ctx: Ctx, q: ServicesQuery, orgIds: string[], communityPath: string | undefined) {
  return read(ctx)
    .selectFrom('pty_services as s')
    .innerJoin('pty_members as m', (j) => j.onRef('m.street_id', '=', 's.street_id').onRef('m.id', '=', 's.member_id'))
    .innerJoin('pty_member_claims as mc', (j) => j.onRef('mc.street_id', '=', 's.street_id').onRef('mc.id', '=', 's.claim_id'))
    .innerJoin('pty_projects as p', (j) => j.onRef('p.street_id', '=', 'mc.street_id').onRef('p.id', '=', 'mc.project_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.community_id'))
    .leftJoin('pty_posts as t', (j) => j.onRef('t.street_id', '=', 'mc.street_id').onRef('t.id', '=', 'mc.post_id'))
    .select([
      's.id',
      's.member_id as memberId',
      'm.person_name as memberName',
      's.claim_id as claimId',
      'p.title as projectTitle',
      't.title as postTitle',
      'c.name as communityName',
      's.served_on as servedOn',
      's.minutes',
      's.points',
      's.note',
      's.recorded_at as recordedAt',
    ])
    .where(reportingFilter(ctx.actor, 'c.path', 'm.workplace_org_id', orgIds))
    .$if(!!communityPath, (x) => x.where('c.path', 'like', `${communityPath}%`))
    .$if(!!q.memberId, (x) => x.where('s.member_id', '=', q.memberId!))
    .$if(!!q.year, (x) => x.where('s.served_on', '>=', `${q.year}-01-01`).where('s.served_on', '<=', `${q.year}-12-31`))
    .$if(!!q.q, (x) => x.where((eb) => eb.or([eb('m.person_name', 'ilike', containing(q.q!)), eb('p.title', 'ilike', containing(q.q!)), eb('t.title', 'ilike', containing(q.q!))])));
}

export interface ServiceRow {
  id: string;
  memberId: string;
  memberName: string;
  claimId: string;
  projectTitle: string;
  postTitle: string | null;
  communityName: string;
  servedOn: string;
  minutes: number;
  points: number;
  note: string;
  recordedAt: Date;
}

async function scope(ctx: Ctx, q: ServicesQuery) {
  if (!holdsAnywhere(ctx.actor, 'reportingRead')) throw CommonErrors.FORBIDDEN();
  const orgIds = (await liaisonOrgs(read(ctx), ctx)).map((o) => o.id);
  const path = q.communityId ? (await communityAt(read(ctx), ctx, q.communityId)).path : undefined;
  return { orgIds, path };
}

/** 服务记录: members' service records (a liaison: its own organisations' members'), with the page's totals. */
export async function listServices(ctx: Ctx, q: ServicesQuery): Promise<Page<ServiceRow> & { minutes: number; points: number }> {
  const { orgIds, path } = await scope(ctx, q);
  const items = ServicesSort.orderBy(filtered(ctx, q, orgIds, path), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, orgIds, path)
    .clearSelect()
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>('s.minutes'), eb.lit(0)).as('minutes'), eb.fn.coalesce(eb.fn.sum<number>('s.points'), eb.lit(0)).as('points')])
    .executeTakeFirstOrThrow();
  const page = (await paginate(q, items, count)) as Page<ServiceRow>;
  const totals = await count;
  return { ...page, minutes: Number(totals.minutes), points: Number(totals.points) };
}

/** The same table (all pages, up to 20,000 rows) as xlsx. */
export async function exportServicesXlsx(ctx: Ctx, q: ServicesQuery): Promise<{ fileName: string; content: Buffer }> {
  const { orgIds, path } = await scope(ctx, q);
  const rows = await ServicesSort.orderBy(filtered(ctx, q, orgIds, path), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('服务记录');
  sheet.columns = [
    { header: '服务日期', width: 12 },
    { header: '党员', width: 10 },
    { header: '社区', width: 14 },
    { header: '项目', width: 20 },
    { header: '岗位', width: 20 },
    { header: '时长（分钟）', width: 12 },
    { header: '积分', width: 8 },
    { header: '备注', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.servedOn, r.memberName, r.communityName, r.projectTitle, r.postTitle ?? '', r.minutes, r.points, r.note]);
  return { fileName: `服务记录-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
