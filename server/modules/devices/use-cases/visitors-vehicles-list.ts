import ExcelJS from 'exceljs';
import { pathLabel } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../devices.db.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import type { VehicleKind, VehicleStatus } from '../devices.tables.ts';
import type { VehiclesQuery } from '../devices.visitors.schemas.ts';
import { staffScope } from './visitors-access.ts';

export const VehiclesSort = sortable({ createdAt: 'v.created_at', plate: 'v.plate', room: 'room.path', status: 'v.status' }, { sort: 'createdAt', order: 'desc' }, 'v.id');

/** A row of the workbench's 车辆登记审核. */
export interface VehicleListRow {
  id: string;
  placeId: string;
  compoundName: string;
  roomId: string;
  roomLabel: string;
  plate: string;
  kind: VehicleKind;
  note: string;
  status: VehicleStatus;
  addedByName: string;
  reviewNote: string;
  reviewedAt: Date | null;
  createdAt: Date;
  /** Whether the reader may review it (the property company of the compound, while pending). */
  canReview: boolean;
}

const KIND_ZH: Record<VehicleKind, string> = { car: '燃油车', new_energy: '新能源车', motorbike: '摩托车', other: '其他' };
const STATUS_ZH: Record<VehicleStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回', removed: '已删除' };

async function filtered(ctx: Ctx, q: VehiclesQuery) {
  if (!holdsAnywhere(ctx.actor, 'readVehicles')) throw CommonErrors.FORBIDDEN();
  const scope = q.placeId ? await staffScope(read(ctx), ctx, q.placeId) : null;
  return read(ctx)
    .selectFrom('dev_vehicles as v')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'v.street_id').onRef('c.id', '=', 'v.place_id'))
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'v.street_id').onRef('room.id', '=', 'v.room_id'))
    .where(placeFilter(ctx.actor, 'readVehicles', 'v.place_id', 'c.path'))
    .$if(!!scope, (s) => s.where('c.path', 'like', `${scope!.path}%`))
    .$if(!!q.status, (s) => s.where('v.status', '=', q.status!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!.toUpperCase());
      return s.where((eb) => eb.or([eb('v.plate', 'like', like), eb('v.added_by_name', 'ilike', containing(q.q!)), eb('room.name', 'ilike', containing(q.q!))]));
    });
}

async function rowsOf(ctx: Ctx, q: VehiclesQuery, limit: number, offset: number): Promise<VehicleListRow[]> {
  const rows = await VehiclesSort.orderBy(
    (await filtered(ctx, q)).select([
      'v.id',
      'v.place_id as placeId',
      'c.name as compoundName',
      'c.path as compoundPath',
      'v.room_id as roomId',
      pathLabel('room.path', ['building', 'unit', 'room']).as('roomLabel'),
      'v.plate',
      'v.kind',
      'v.note',
      'v.status',
      'v.added_by_name as addedByName',
      'v.review_note as reviewNote',
      'v.reviewed_at as reviewedAt',
      'v.created_at as createdAt',
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  const reviewable = new Set((await read(ctx).selectFrom('street_places as c').select('c.id').where('c.id', 'in', rows.length ? [...new Set(rows.map((r) => r.placeId))] : ['00000000-0000-0000-0000-000000000000']).where(placeFilter(ctx.actor, 'reviewVehicles', 'c.id', 'c.path')).execute()).map((r) => r.id));
  return rows.map(({ compoundPath: _, ...r }) => ({ ...r, canReview: r.status === 'pending' && reviewable.has(r.placeId) }));
}

/** Residents' vehicles of the compounds the reader may see (the property company reviews, the street reads): searched (plate, room, who added), filtered, sorted, paged. */
export async function listVehicles(ctx: Ctx, q: VehiclesQuery): Promise<Page<VehicleListRow>> {
  const count = (await filtered(ctx, q)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, q.pageSize, offsetOf(q)), count);
}

/** The same list (up to 5,000 rows) as xlsx. */
export async function exportVehiclesXlsx(ctx: Ctx, q: VehiclesQuery): Promise<{ fileName: string; content: Buffer }> {
  const rows = await rowsOf(ctx, q, 5000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('车辆登记');
  sheet.columns = [
    { header: '小区', width: 14 },
    { header: '房屋', width: 18 },
    { header: '车牌', width: 12 },
    { header: '类型', width: 10 },
    { header: '状态', width: 8 },
    { header: '登记人', width: 10 },
    { header: '备注', width: 24 },
    { header: '审核意见', width: 24 },
    { header: '登记时间', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.compoundName, r.roomLabel, r.plate, KIND_ZH[r.kind], STATUS_ZH[r.status], r.addedByName, r.note, r.reviewNote, chinaDay(r.createdAt)]);
  return { fileName: `车辆登记-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
