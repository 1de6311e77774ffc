import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, nullsLast, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../devices.db.ts';
import { ALERT_KIND_ZH } from '../devices.parking.constants.ts';
import type { AlertsQuery } from '../devices.parking.schemas.ts';
import type { AlertKind, AlertStatus, AlertSubject } from '../devices.tables.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import { chinaMinute } from './parking-access.ts';

export const AlertsSort = sortable({ raisedAt: 'a.raised_at', handledAt: nullsLast('a.handled_at'), kind: 'a.kind', place: ['p.name', 'a.raised_at'] }, { sort: 'raisedAt', order: 'desc' }, 'a.id');

/** A row of 告警处置. */
export interface AlertRow {
  id: string;
  placeId: string;
  placeName: string;
  kind: AlertKind;
  subjectType: AlertSubject;
  subjectId: string;
  summary: string;
  raisedAt: Date;
  status: AlertStatus;
  handledByName: string;
  handledAt: Date | null;
  note: string;
}

function filtered(ctx: Ctx, q: Partial<AlertsQuery>) {
  return read(ctx)
    .selectFrom('dev_alerts as a')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.place_id'))
    .where(placeFilter(ctx.actor, 'handleAlerts', 'p.id', 'p.path'))
    .$if(!!q.placeId, (s) => s.where('a.place_id', '=', q.placeId!))
    .$if(!!q.status, (s) => s.where('a.status', '=', q.status!))
    .$if(!!q.kind, (s) => s.where('a.kind', '=', q.kind!))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('a.summary', 'ilike', containing(q.q!)), eb('p.name', 'ilike', containing(q.q!))])));
}

/** The number of open alerts at the actor's places (the badge and the to-do: the list's total with status=open). */
export async function countOpenAlerts(ctx: Ctx): Promise<number> {
  if (!holdsAnywhere(ctx.actor, 'handleAlerts')) return 0;
  const row = await filtered(ctx, { status: 'open' })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The alerts at the compounds the actor handles alerts at: open first by default order, searched (summary, compound), filtered, sorted, paged. */
export async function listAlerts(ctx: Ctx, q: AlertsQuery): Promise<Page<AlertRow>> {
  if (!holdsAnywhere(ctx.actor, 'handleAlerts')) throw CommonErrors.FORBIDDEN();
  const count = filtered(ctx, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, q.pageSize, offsetOf(q)), count);
}

export async function exportAlertsXlsx(ctx: Ctx, q: AlertsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'handleAlerts')) throw CommonErrors.FORBIDDEN();
  const rows = await rowsOf(ctx, q, 5000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('告警处置');
  sheet.columns = [
    { header: '小区', width: 16 },
    { header: '告警类型', width: 16 },
    { header: '内容', width: 40 },
    { header: '告警时间', width: 18 },
    { header: '状态', width: 8 },
    { header: '处置人', width: 10 },
    { header: '处置时间', width: 18 },
    { header: '处置说明', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.placeName, ALERT_KIND_ZH[r.kind], r.summary, chinaMinute(r.raisedAt), r.status === 'open' ? '待处置' : '已处置', r.handledByName, chinaMinute(r.handledAt), r.note]);
  return { fileName: `告警处置-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

function rowsOf(ctx: Ctx, q: AlertsQuery, limit: number, offset: number): Promise<AlertRow[]> {
  return AlertsSort.orderBy(
    filtered(ctx, q).select([
      'a.id',
      'a.place_id as placeId',
      'p.name as placeName',
      'a.kind',
      'a.subject_type as subjectType',
      'a.subject_id as subjectId',
      'a.summary',
      'a.raised_at as raisedAt',
      'a.status',
      'a.handled_by_name as handledByName',
      'a.handled_at as handledAt',
      'a.note',
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
}
