import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, nullsLast, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../devices.db.ts';
import { FEE_STATUS_ZH } from '../devices.parking.constants.ts';
import type { SessionsQuery } from '../devices.parking.schemas.ts';
import type { FeeStatus } from '../devices.tables.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import { chinaMinute, yuan } from './parking-access.ts';

export const SessionsSort = sortable(
  { enteredAt: 't.entered_at', exitedAt: nullsLast('t.exited_at'), fee: nullsLast('t.fee_fen'), plate: 't.plate', place: ['p.name', 't.entered_at'] },
  { sort: 'enteredAt', order: 'desc' },
  't.id',
);

/** A row of 临时停车: a visitor's or unknown vehicle's stay, its minutes (to now while inside) and fee. */
export interface SessionRow {
  id: string;
  placeId: string;
  placeName: string;
  plate: string;
  passId: string | null;
  visitorName: string | null;
  enteredAt: Date;
  exitedAt: Date | null;
  minutes: number;
  feeFen: number | null;
  feeStatus: FeeStatus;
  feeNote: string;
  settledByName: string;
  settledAt: Date | null;
}

function filtered(ctx: Ctx, q: SessionsQuery) {
  return read(ctx)
    .selectFrom('dev_parking_sessions as t')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 't.street_id').onRef('p.id', '=', 't.place_id'))
    .leftJoin('dev_passes as v', (j) => j.onRef('v.street_id', '=', 't.street_id').onRef('v.id', '=', 't.pass_id'))
    .where(placeFilter(ctx.actor, 'manageParking', 'p.id', 'p.path'))
    .$if(!!q.placeId, (s) => s.where('t.place_id', '=', q.placeId!))
    .$if(!!q.status, (s) => s.where('t.fee_status', '=', q.status!))
    .$if(!!q.q, (s) => s.where('t.plate', 'ilike', containing(q.q!.toUpperCase())));
}

/** Temporary parking at the compounds the actor manages parking at: searched (plate), filtered (compound, fee status), sorted, paged. */
export async function listSessions(ctx: Ctx, q: SessionsQuery): Promise<Page<SessionRow>> {
  if (!holdsAnywhere(ctx.actor, 'manageParking')) throw CommonErrors.FORBIDDEN();
  const count = filtered(ctx, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, q.pageSize, offsetOf(q)), count);
}

export async function exportSessionsXlsx(ctx: Ctx, q: SessionsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'manageParking')) throw CommonErrors.FORBIDDEN();
  const rows = await rowsOf(ctx, q, 5000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('临时停车');
  sheet.columns = [
    { header: '小区', width: 16 },
    { header: '车牌', width: 12 },
    { header: '访客', width: 10 },
    { header: '入场时间', width: 18 },
    { header: '离场时间', width: 18 },
    { header: '停车时长（分钟）', width: 14 },
    { header: '费用（元）', width: 10 },
    { header: '状态', width: 8 },
    { header: '备注', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.placeName, r.plate, r.visitorName ?? '', chinaMinute(r.enteredAt), chinaMinute(r.exitedAt), r.minutes, yuan(r.feeFen), FEE_STATUS_ZH[r.feeStatus], r.feeNote]);
  return { fileName: `临时停车-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function rowsOf(ctx: Ctx, q: SessionsQuery, limit: number, offset: number): Promise<SessionRow[]> {
  const now = ctx.kernel.clock.now();
  const rows = await SessionsSort.orderBy(
    filtered(ctx, q).select([
      't.id',
      't.place_id as placeId',
      'p.name as placeName',
      't.plate',
      't.pass_id as passId',
      'v.visitor_name as visitorName',
      't.entered_at as enteredAt',
      't.exited_at as exitedAt',
      't.fee_fen as feeFen',
      't.fee_status as feeStatus',
      't.fee_note as feeNote',
      't.settled_by_name as settledByName',
      't.settled_at as settledAt',
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ ...r, minutes: Math.max(0, Math.ceil(((r.exitedAt ?? now).getTime() - r.enteredAt.getTime()) / 60_000)) }));
}
