import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { pathLabel } from '../../../kernel/access/index.ts';
import { read } from '../supervision.db.ts';
import { type NoticeCompanyCountsQuery, type NoticesQuery, NoticesSort } from '../supervision.rectification.schemas.ts';
import { LEVEL_LABEL, noticeFilter, STATUS_LABEL } from './notice-access.ts';

/** The notices the actor may read under the list's filters (the same for the page, the xlsx and the counts). */
function filtered(ctx: Ctx, q: NoticeCompanyCountsQuery) {
  const now = ctx.kernel.clock.now();
  const like = `%${(q.q ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return read(ctx)
    .selectFrom('sup_notices as n')
    .innerJoin('street_places as place', (j) => j.onRef('place.street_id', '=', 'n.street_id').onRef('place.id', '=', 'n.place_id'))
    .innerJoin('street_places as compound', (j) => j.onRef('compound.street_id', '=', 'n.street_id').onRef('compound.id', '=', 'n.compound_id'))
    .where(noticeFilter(ctx.actor))
    .$if(!!q.status, (s) => s.where('n.status', '=', q.status!))
    .$if(q.stage === 'open', (s) => s.where('n.status', '<>', 'closed'))
    .$if(q.stage === 'waiting', (s) => s.where('n.status', 'in', ['issued', 'reissued']))
    .$if(q.stage === 'verifying', (s) => s.where('n.status', '=', 'responded'))
    .$if(q.overdue === true, (s) => s.where('n.status', 'in', ['issued', 'reissued']).where('n.due_at', '<=', now))
    .$if(q.overdue === false, (s) => s.where((eb) => eb.or([eb('n.status', 'not in', ['issued', 'reissued']), eb('n.due_at', '>', now)])))
    .$if(!!q.placeId, (s) => s.where('place.path', 'like', sql<string>`(select p.path from places p where p.id = ${q.placeId!}) || '%'`))
    .$if(!!q.companyId, (s) => s.where('n.company_id', '=', q.companyId!))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('n.no', 'like', like), eb('n.title', 'like', like), eb('n.company_name', 'like', like), eb('compound.name', 'like', like)])));
}

const columns = (now: Date) =>
  [
    'n.id',
    'n.no',
    'n.title',
    'n.status',
    'n.round',
    'n.deadline',
    'n.issued_at as issuedAt',
    'n.responded_at as respondedAt',
    'n.closed_at as closedAt',
    'n.escalated_at as escalatedAt',
    'n.overdue_count as overdueCount',
    'n.company_id as companyId',
    'n.company_name as companyName',
    'n.issuer_org as issuerOrg',
    'n.issuer_level as issuerLevel',
    'n.place_id as placeId',
    'n.compound_id as compoundId',
    'compound.name as compoundName',
    pathLabel('place.path', ['compound', 'building', 'unit', 'room']).as('placeLabel'),
    sql<boolean>`(n.status in ('issued', 'reissued') and n.due_at <= ${now})`.as('overdue'),
  ] as const;

/** 整改通知单: the notices at places the actor reads (a company: its compounds), filtered, sorted and paged. */
export async function listNotices(ctx: Ctx, q: NoticesQuery) {
  const now = ctx.kernel.clock.now();
  const base = filtered(ctx, q);
  return paginate(q, NoticesSort.orderBy(base.select(columns(now)), q).limit(q.pageSize).offset(offsetOf(q)).execute(), base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
}
export type NoticeListItem = Awaited<ReturnType<typeof listNotices>>['items'][number];

/** Counts per company over the list's filters: issued (all), open, overdue now, ever overdue, closed. */
export async function noticeCompanyCounts(ctx: Ctx, q: NoticeCompanyCountsQuery) {
  const now = ctx.kernel.clock.now();
  const rows = await filtered(ctx, q)
    .select([
      'n.company_id as companyId',
      sql<string>`min(n.company_name)`.as('companyName'),
      sql<number>`count(*)::int`.as('issued'),
      sql<number>`(count(*) filter (where n.status <> 'closed'))::int`.as('open'),
      sql<number>`(count(*) filter (where n.status in ('issued', 'reissued') and n.due_at <= ${now}))::int`.as('overdueNow'),
      sql<number>`(count(*) filter (where n.overdue_count > 0))::int`.as('everOverdue'),
      sql<number>`(count(*) filter (where n.status = 'closed'))::int`.as('closed'),
    ])
    .groupBy('n.company_id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('n.company_id')
    .execute();
  return { items: rows };
}
export type NoticeCompanyCounts = Awaited<ReturnType<typeof noticeCompanyCounts>>;

/** The same list (all pages, up to 20,000 rows) as xlsx. */
export async function exportNoticesXlsx(ctx: Ctx, q: NoticesQuery): Promise<{ fileName: string; content: Buffer }> {
  const now = ctx.kernel.clock.now();
  const rows = await NoticesSort.orderBy(filtered(ctx, q).select(columns(now)), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('整改通知单');
  sheet.columns = [
    { header: '编号', width: 22 },
    { header: '标题', width: 30 },
    { header: '小区/位置', width: 28 },
    { header: '物业服务企业', width: 24 },
    { header: '下发单位', width: 22 },
    { header: '层级', width: 8 },
    { header: '下发日期', width: 12 },
    { header: '整改期限', width: 12 },
    { header: '轮次', width: 6 },
    { header: '状态', width: 10 },
    { header: '逾期', width: 6 },
    { header: '曾逾期轮次', width: 10 },
    { header: '销号日期', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.no,
      r.title,
      r.placeLabel ?? r.compoundName,
      r.companyName,
      r.issuerOrg,
      LEVEL_LABEL[r.issuerLevel].zh,
      chinaDay(r.issuedAt),
      r.deadline,
      r.round,
      STATUS_LABEL[r.status].zh,
      r.overdue ? '是' : '',
      r.overdueCount,
      r.closedAt ? chinaDay(r.closedAt) : '',
    ]);
  }
  return { fileName: `整改通知单-${chinaDay(now)}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
