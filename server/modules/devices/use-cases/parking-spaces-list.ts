import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../devices.db.ts';
import { SPACE_KIND_ZH } from '../devices.parking.constants.ts';
import type { SpacesQuery } from '../devices.parking.schemas.ts';
import type { SpaceKind } from '../devices.tables.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import { chinaMinute } from './parking-access.ts';

export const SpacesSort = sortable({ no: ['p.name', 's.no'], kind: 's.kind', occupied: 's.occupied', createdAt: 's.created_at' }, { sort: 'no', order: 'asc' }, 's.id');

/** A row of the spaces table. */
export interface SpaceRow {
  id: string;
  placeId: string;
  placeName: string;
  no: string;
  kind: SpaceKind;
  roomId: string | null;
  roomName: string | null;
  sensorDeviceId: string | null;
  sensorName: string | null;
  occupied: boolean;
  occupiedSince: Date | null;
  createdAt: Date;
}

function filtered(ctx: Ctx, q: SpacesQuery) {
  return read(ctx)
    .selectFrom('dev_spaces as s')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 's.street_id').onRef('p.id', '=', 's.place_id'))
    .leftJoin('street_places as r', (j) => j.onRef('r.street_id', '=', 's.street_id').onRef('r.id', '=', 's.room_id'))
    .leftJoin('street_places as b', (j) => j.onRef('b.street_id', '=', 'r.street_id').onRef('b.id', '=', 'r.parent_id'))
    .leftJoin('street_places as bb', (j) => j.onRef('bb.street_id', '=', 'b.street_id').onRef('bb.id', '=', 'b.parent_id'))
    .leftJoin('dev_devices as d', (j) => j.onRef('d.street_id', '=', 's.street_id').onRef('d.id', '=', 's.sensor_device_id'))
    .where(placeFilter(ctx.actor, 'readParking', 'p.id', 'p.path'))
    .$if(!!q.placeId, (s) => s.where('s.place_id', '=', q.placeId!))
    .$if(!!q.kind, (s) => s.where('s.kind', '=', q.kind!))
    .$if(!!q.occupied, (s) => s.where('s.occupied', '=', q.occupied === 'true'))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('s.no', 'ilike', containing(q.q!)), eb('r.name', 'ilike', containing(q.q!))])));
}

/** The spaces of the compounds the actor reads parking at: searched (number, room), filtered (compound, kind, taken), sorted, paged. */
export async function listSpaces(ctx: Ctx, q: SpacesQuery): Promise<Page<SpaceRow>> {
  if (!holdsAnywhere(ctx.actor, 'readParking')) throw CommonErrors.FORBIDDEN();
  const count = filtered(ctx, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, q.pageSize, offsetOf(q)), count);
}

/** The same list (up to 5,000 rows) as xlsx. */
export async function exportSpacesXlsx(ctx: Ctx, q: SpacesQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'readParking')) throw CommonErrors.FORBIDDEN();
  const rows = await rowsOf(ctx, q, 5000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('车位');
  sheet.columns = [
    { header: '小区', width: 16 },
    { header: '车位编号', width: 12 },
    { header: '类型', width: 10 },
    { header: '关联房屋', width: 16 },
    { header: '检测器', width: 16 },
    { header: '状态', width: 8 },
    { header: '占用起始', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.placeName, r.no, SPACE_KIND_ZH[r.kind], r.roomName ?? '', r.sensorName ?? '', r.sensorDeviceId ? (r.occupied ? '占用' : '空闲') : '—', chinaMinute(r.occupiedSince)]);
  return { fileName: `车位-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function rowsOf(ctx: Ctx, q: SpacesQuery, limit: number, offset: number): Promise<SpaceRow[]> {
  const rows = await SpacesSort.orderBy(
    filtered(ctx, q).select([
      's.id',
      's.place_id as placeId',
      'p.name as placeName',
      's.no',
      's.kind',
      's.room_id as roomId',
      'r.name as room',
      'b.name as unit',
      'bb.name as building',
      's.sensor_device_id as sensorDeviceId',
      'd.name as sensorName',
      's.occupied',
      's.occupied_since as occupiedSince',
      's.created_at as createdAt',
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(({ room, unit, building, ...r }) => ({ ...r, roomName: room ? [building, unit, room].filter(Boolean).join('') : null }));
}
