import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { DEVICE_OFFLINE_MINUTES } from '../devices.constants.ts';
import { read } from '../devices.db.ts';
import { DEVICE_KIND_ZH, EXPORT_MAX_ROWS } from '../devices.gates.constants.ts';
import type { DevicesQuery } from '../devices.gates.schemas.ts';
import type { DeviceKind, DeviceStatus } from '../devices.tables.ts';
import { allows, holdsAnywhere, placeFilter } from '../devices.policy.ts';
import { placeFor } from './gates-access.ts';

export const DevicesSort = sortable({ createdAt: 'd.created_at', name: 'd.name', place: ['p.name', 'p.path'], lastSeenAt: 'd.last_seen_at', kind: 'd.kind' }, { sort: 'place', order: 'asc' }, 'd.id');

/** A row of the device registry (never the key's secret; the key id names it to the device's installer). */
export interface DeviceRow {
  id: string;
  placeId: string;
  placeName: string;
  kind: DeviceKind;
  name: string;
  location: string;
  keyId: string;
  status: DeviceStatus;
  disabledReason: string;
  disabledAt: Date | null;
  lastSeenAt: Date | null;
  /** Heard from within DEVICE_OFFLINE_MINUTES. */
  online: boolean;
  createdAt: Date;
  /** Whether the actor may re-key, disable and enable it. */
  canManage: boolean;
}

function filtered(ctx: Ctx, q: DevicesQuery, under: string | null) {
  const since = new Date(ctx.kernel.clock.now().getTime() - DEVICE_OFFLINE_MINUTES * 60_000);
  return read(ctx)
    .selectFrom('dev_devices as d')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'd.street_id').onRef('p.id', '=', 'd.place_id'))
    .where(placeFilter(ctx.actor, 'readDevices', 'p.id', 'p.path'))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.kind, (s) => s.where('d.kind', '=', q.kind!))
    .$if(!!q.status, (s) => s.where('d.status', '=', q.status!))
    .$if(q.online === 'online', (s) => s.where('d.last_seen_at', '>=', since))
    .$if(q.online === 'offline', (s) => s.where((eb) => eb.or([eb('d.last_seen_at', 'is', null), eb('d.last_seen_at', '<', since)])))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('d.name', 'ilike', like), eb('d.location', 'ilike', like), eb('p.name', 'ilike', like), eb('d.key_id', 'like', like)]));
    });
}

async function scopeOf(ctx: Ctx, q: DevicesQuery): Promise<string | null> {
  if (!holdsAnywhere(ctx.actor, 'readDevices')) throw CommonErrors.FORBIDDEN();
  return q.placeId ? (await placeFor(read(ctx), ctx.actor, q.placeId, 'readDevices')).path : null;
}

/** The devices of the compounds the actor reads (readDevices): searched, filtered (compound, kind, status, online), sorted, paged. */
export async function listDevices(ctx: Ctx, q: DevicesQuery): Promise<Page<DeviceRow>> {
  const under = await scopeOf(ctx, q);
  const count = filtered(ctx, q, under).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, under, q.pageSize, offsetOf(q)), count);
}

/** The same list (up to 5,000 rows) as xlsx. */
export async function exportDevicesXlsx(ctx: Ctx, q: DevicesQuery): Promise<{ fileName: string; content: Buffer }> {
  const under = await scopeOf(ctx, q);
  const rows = await rowsOf(ctx, q, under, EXPORT_MAX_ROWS, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('设备清单');
  sheet.columns = [
    { header: '小区', width: 16 },
    { header: '设备名称', width: 18 },
    { header: '类型', width: 10 },
    { header: '位置', width: 20 },
    { header: '设备密钥编号', width: 36 },
    { header: '状态', width: 8 },
    { header: '在线', width: 8 },
    { header: '最后通信', width: 18 },
    { header: '停用原因', width: 24 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([r.placeName, r.name, DEVICE_KIND_ZH[r.kind], r.location, r.keyId, r.status === 'active' ? '启用' : '停用', r.online ? '在线' : '离线', r.lastSeenAt ? chinaMinute(r.lastSeenAt) : '', r.disabledReason]);
  return { fileName: `设备清单-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** "2026-11-22 09:05", China time. */
export const chinaMinute = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

async function rowsOf(ctx: Ctx, q: DevicesQuery, under: string | null, limit: number, offset: number): Promise<DeviceRow[]> {
  const since = ctx.kernel.clock.now().getTime() - DEVICE_OFFLINE_MINUTES * 60_000;
  const rows = await DevicesSort.orderBy(
    filtered(ctx, q, under).select([
      'd.id',
      'd.place_id',
      'p.name as place_name',
      'p.path',
      'd.kind',
      'd.name',
      'd.location',
      'd.key_id',
      'd.status',
      'd.disabled_reason',
      'd.disabled_at',
      'd.last_seen_at',
      'd.created_at',
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    placeId: r.place_id,
    placeName: r.place_name,
    kind: r.kind,
    name: r.name,
    location: r.location,
    keyId: r.key_id,
    status: r.status,
    disabledReason: r.disabled_reason,
    disabledAt: r.disabled_at,
    lastSeenAt: r.last_seen_at,
    online: !!r.last_seen_at && r.last_seen_at.getTime() >= since,
    createdAt: r.created_at,
    canManage: allows(ctx.actor, 'manageDevices', r.path),
  }));
}

/** The compounds the actor may register devices at (manageDevices), for the register form. */
export async function deviceCompounds(ctx: Ctx): Promise<{ id: string; name: string; canManage: boolean }[]> {
  if (!holdsAnywhere(ctx.actor, 'readDevices')) throw CommonErrors.FORBIDDEN();
  const rows = await read(ctx)
    .selectFrom('street_places as p')
    .select(['p.id', 'p.name', 'p.path'])
    .where('p.kind', '=', 'compound')
    .where(placeFilter(ctx.actor, 'readDevices', 'p.id', 'p.path'))
    .orderBy('p.path')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, canManage: allows(ctx.actor, 'manageDevices', r.path) }));
}
