import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { AGENCY_OUTCOME_ZH, AGENCY_STATUS_ZH, DUE_SOON_DAYS } from '../grid.agency.constants.ts';
import type { CasesQuery } from '../grid.agency.schemas.ts';
import { type Executor, read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import type { AgencyCaseStatus } from '../grid.tables.ts';
import { addDays, isOverdue, overdueSql, todayOf, visiblePoints } from './agency-access.ts';

/** Cases sort by acceptance, due day, completion, service or number; open overdue cases first by default order. */
export const CasesSort = sortable(
  { acceptedAt: 'k.accepted_at', dueOn: 'k.due_on', completedAt: 'k.completed_at', service: 'k.service_name', no: 'k.no' },
  { sort: 'acceptedAt', order: 'desc' },
  'k.id',
);

export interface CaseListRow {
  id: string;
  no: string;
  pointId: string;
  pointName: string;
  compoundName: string;
  serviceName: string;
  applicantName: string;
  status: AgencyCaseStatus;
  outcome: 'success' | 'refused' | null;
  acceptedAt: Date;
  dueOn: string;
  completedAt: Date | null;
  onTime: boolean | null;
  overdue: boolean;
  documents: number;
  documentsPurged: boolean;
}

function filtered(db: Executor, q: CasesQuery, pointIds: readonly string[], today: string) {
  return db
    .selectFrom('grid_agency_cases as k')
    .innerJoin('grid_agency_points as pt', (j) => j.onRef('pt.street_id', '=', 'k.street_id').onRef('pt.id', '=', 'k.point_id'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'k.street_id').onRef('c.id', '=', 'k.compound_id'))
    .where('k.point_id', 'in', [...pointIds])
    .$if(!!q.pointId, (s) => s.where('k.point_id', '=', q.pointId!))
    .$if(!!q.serviceId, (s) => s.where('k.service_id', '=', q.serviceId!))
    .$if(q.status === 'overdue' || q.overdue === true, (s) => s.where(overdueSql(today)))
    .$if(q.overdue === false, (s) => s.where(sql<boolean>`not ${overdueSql(today)}`))
    .$if(q.status === 'open', (s) => s.where('k.status', 'in', ['accepted', 'sent', 'result']))
    .$if(q.status === 'due', (s) => s.where('k.status', 'in', ['accepted', 'sent', 'result']).where('k.due_on', '<=', addDays(today, DUE_SOON_DAYS)))
    .$if(!!q.status && !['overdue', 'open', 'due'].includes(q.status), (s) => s.where('k.status', '=', q.status as AgencyCaseStatus))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('k.no', 'ilike', like), eb('k.applicant_name', 'ilike', like), eb('k.service_name', 'ilike', like), eb('pt.name', 'ilike', like)]));
    });
}

async function rowsOf(ctx: Ctx, q: CasesQuery, points: Awaited<ReturnType<typeof visiblePoints>>, limit: number, offset: number): Promise<CaseListRow[]> {
  const db = read(ctx);
  const today = todayOf(ctx);
  const rows = await CasesSort.orderBy(
    filtered(
      db,
      q,
      points.map((p) => p.id),
      today,
    ).select([
      'k.id',
      'k.no',
      'k.point_id as pointId',
      'pt.name as pointName',
      'c.name as compoundName',
      'k.service_name as serviceName',
      'k.applicant_name as applicantName',
      'k.status',
      'k.outcome',
      'k.accepted_at as acceptedAt',
      'k.due_on as dueOn',
      'k.completed_at as completedAt',
      'k.on_time as onTime',
      'k.documents_purged_at as documentsPurgedAt',
      sql<number>`(select count(*)::int from grid_files f where f.street_id = k.street_id and f.subject_type = 'case' and f.subject_id = k.id)`.as('documents'),
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  const staffed = new Set(points.filter((p) => p.staffs).map((p) => p.id));
  return rows.map((r) => ({
    id: r.id,
    no: r.no,
    pointId: r.pointId,
    pointName: r.pointName,
    compoundName: r.compoundName,
    serviceName: r.serviceName,
    // The point's own staff know the applicant; overseers see the name masked in lists (the case page shows it).
    applicantName: staffed.has(r.pointId) ? r.applicantName : maskName(r.applicantName),
    status: r.status,
    outcome: r.outcome,
    acceptedAt: r.acceptedAt,
    dueOn: r.dueOn,
    completedAt: r.completedAt,
    onTime: r.onTime,
    overdue: isOverdue(r.status, r.dueOn, today),
    documents: Number(r.documents),
    documentsPurged: !!r.documentsPurgedAt,
  }));
}

/** The cases of the points the actor may read: searched (number, applicant, service, point), filtered, sorted, paged. */
export async function listCases(ctx: Ctx, q: CasesQuery): Promise<Page<CaseListRow>> {
  if (!holdsAnywhere(ctx.actor, 'agencyRead')) throw CommonErrors.FORBIDDEN();
  const points = await visiblePoints(read(ctx), ctx);
  if (!points.length) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const count = filtered(
    read(ctx),
    q,
    points.map((p) => p.id),
    todayOf(ctx),
  )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, points, q.pageSize, offsetOf(q)), count);
}

const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportCasesXlsx(ctx: Ctx, q: CasesQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'agencyRead')) throw CommonErrors.FORBIDDEN();
  const points = await visiblePoints(read(ctx), ctx);
  const rows = points.length ? await rowsOf(ctx, q, points, 20_000, 0) : [];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('代办件');
  sheet.columns = [
    { header: '件号', width: 20 },
    { header: '代办点', width: 20 },
    { header: '小区', width: 14 },
    { header: '服务事项', width: 20 },
    { header: '办事人', width: 10 },
    { header: '状态', width: 10 },
    { header: '办理结果', width: 10 },
    { header: '受理时间', width: 18 },
    { header: '办结时限', width: 12 },
    { header: '办结时间', width: 18 },
    { header: '按时办结', width: 10 },
    { header: '材料数', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([
      r.no,
      r.pointName,
      r.compoundName,
      r.serviceName,
      r.applicantName,
      r.overdue ? `${AGENCY_STATUS_ZH[r.status]}（逾期）` : AGENCY_STATUS_ZH[r.status],
      r.outcome ? AGENCY_OUTCOME_ZH[r.outcome] : '',
      time(r.acceptedAt),
      r.dueOn,
      time(r.completedAt),
      r.onTime === null ? '' : r.onTime ? '是' : '否',
      r.documentsPurged ? `${r.documents}（已按规定删除）` : r.documents,
    ]);
  return { fileName: `代办件-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
