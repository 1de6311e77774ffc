import ExcelJS from 'exceljs';
import { audit, type Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { escapeLike } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { DEVICES_ROLES } from '../devices.constants.ts';
import { read, type Tx, write } from '../devices.db.ts';
import { DIRECTION_ZH, EXPORT_MAX_ROWS, MOVEMENT_KINDS, RESULT_ZH } from '../devices.gates.constants.ts';
import type { MovementsQuery } from '../devices.gates.schemas.ts';
import type { Credential, Direction, EventResult } from '../devices.tables.ts';
import { holdsAnywhere, placeFilter } from '../devices.policy.ts';
import { placeFor } from './gates-access.ts';
import { chinaMinute } from './gates-devices-list.ts';

export const MovementsSort = sortable({ occurredAt: 'e.occurred_at', place: ['p.name', 'e.occurred_at'], device: ['d.name', 'e.occurred_at'], result: ['e.result', 'e.occurred_at'] }, { sort: 'occurredAt', order: 'desc' }, 'e.id');

/** A movement record as staff see it: the card masked to its last 4, the plate shown, a QR pass named as such. */
export interface MovementRow {
  id: string;
  occurredAt: Date;
  placeId: string;
  placeName: string;
  deviceName: string;
  kind: 'person' | 'vehicle';
  direction: Direction | null;
  credential: Credential | null;
  /** '****1A2B' for a card, the plate, '访客通行证' for a QR pass (with the plate when a vehicle showed one). */
  credentialShown: string;
  result: EventResult | null;
  reason: string;
}

/** A card number shown by its last 4 only. */
export const maskCard = (card: string) => `****${card.slice(-4)}`;

export function shownCredential(kind: string, credential: Credential | null, value: string | null): string {
  if (!credential || !value) return '';
  if (credential === 'card') return maskCard(value);
  if (credential === 'qr') return kind === 'vehicle' ? `访客通行证 ${value}` : '访客通行证';
  return value;
}

/** The China day's start, as an instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

function filtered(tx: Tx, ctx: Ctx, q: MovementsQuery, under: string | null) {
  return tx
    .selectFrom('dev_events as e')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'e.street_id').onRef('p.id', '=', 'e.place_id'))
    .innerJoin('dev_devices as d', (j) => j.onRef('d.street_id', '=', 'e.street_id').onRef('d.id', '=', 'e.device_id'))
    .where('e.kind', 'in', [...MOVEMENT_KINDS])
    .where(placeFilter(ctx.actor, 'readMovements', 'p.id', 'p.path'))
    .$if(!!under, (s) => s.where('p.path', 'like', `${escapeLike(under!)}%`))
    .$if(!!q.kind, (s) => s.where('e.kind', '=', q.kind!))
    .$if(!!q.result, (s) => s.where('e.result', '=', q.result!))
    .$if(!!q.direction, (s) => s.where('e.direction', '=', q.direction!))
    .$if(!!q.from, (s) => s.where('e.occurred_at', '>=', dayStart(q.from!)))
    .$if(!!q.to, (s) => s.where('e.occurred_at', '<', new Date(dayStart(q.to!).getTime() + 86_400_000)))
    .$if(!!q.q, (s) => {
      // A plate or card, whole or its end (the last digits of a card); QR codes are not searched.
      const text = q.q!.replace(/[\s·.]/g, '').toUpperCase();
      // A vehicle's value is its plate even when it showed a pass; a person's QR code is never searched.
      return s.where((eb) => eb.or([eb('e.credential', 'in', ['card', 'plate']), eb('e.kind', '=', 'vehicle')])).where('e.credential_value', 'like', `%${escapeLike(text)}%`);
    });
}

/**
 * Who may read movement records (readMovements: the street, the compound's property manager and staff), and of
 * which place: the filter's place (a compound, or a community or street above: unseen → 404, not allowed → 403),
 * else all the actor's. The place the read is audited at: the filtered one, else the widest the actor reads.
 */
async function scopeOf(tx: Tx, ctx: Ctx, q: MovementsQuery): Promise<{ under: string | null; auditPlace: string | null }> {
  if (!holdsAnywhere(ctx.actor, 'readMovements')) throw CommonErrors.FORBIDDEN();
  if (q.placeId) {
    const place = await placeFor(tx, ctx.actor, q.placeId, 'readMovements');
    return { under: place.path, auditPlace: place.id };
  }
  const roles: readonly string[] = DEVICES_ROLES.readMovements;
  const grants = ctx.actor.grants.filter((g) => roles.includes(g.role)).sort((a, b) => a.placePath.length - b.placePath.length);
  return { under: null, auditPlace: grants[0]?.placeId ?? null };
}

/** The filters as audited: which ones were set, never the searched plate or card. */
const auditedFilters = (q: MovementsQuery, extra: object) => ({
  placeId: q.placeId ?? null,
  kind: q.kind ?? null,
  result: q.result ?? null,
  direction: q.direction ?? null,
  from: q.from ?? null,
  to: q.to ?? null,
  searched: !!q.q,
  ...extra,
});

/**
 * The movement records of the compounds the actor reads: filtered (compound, kind, result, direction, China days,
 * plate or card), sorted, paged. Every read leaves one audit entry (devices.gates.movements_read) in a write
 * transaction with the filters and the page — no personal data.
 */
export async function listMovements(ctx: Ctx, q: MovementsQuery): Promise<Page<MovementRow>> {
  return write(ctx, async (tx) => {
    const scope = await scopeOf(tx, ctx, q);
    const count = await filtered(tx, ctx, q, scope.under).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await rowsOf(tx, ctx, q, scope.under, q.pageSize, offsetOf(q));
    await audit(tx, ctx, { action: 'devices.gates.movements_read', placeId: scope.auditPlace, subjectType: 'dev_events', detail: auditedFilters(q, { page: q.page, rows: items.length, total: Number(count.n) }) });
    return paginate(q, Promise.resolve(items), Promise.resolve(count));
  });
}

/** The same records (up to 5,000) as xlsx; the export is audited like a read (devices.gates.movements_exported). */
export async function exportMovementsXlsx(ctx: Ctx, q: MovementsQuery): Promise<{ fileName: string; content: Buffer }> {
  const rows = await write(ctx, async (tx) => {
    const scope = await scopeOf(tx, ctx, q);
    const items = await rowsOf(tx, ctx, q, scope.under, EXPORT_MAX_ROWS, 0);
    await audit(tx, ctx, { action: 'devices.gates.movements_exported', placeId: scope.auditPlace, subjectType: 'dev_events', detail: auditedFilters(q, { rows: items.length }) });
    return items;
  });
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('通行记录');
  sheet.columns = [
    { header: '时间', width: 18 },
    { header: '小区', width: 16 },
    { header: '设备', width: 18 },
    { header: '类型', width: 8 },
    { header: '方向', width: 6 },
    { header: '凭证', width: 22 },
    { header: '结果', width: 8 },
    { header: '说明', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([chinaMinute(r.occurredAt), r.placeName, r.deviceName, r.kind === 'person' ? '行人' : '车辆', r.direction ? DIRECTION_ZH[r.direction] : '', r.credentialShown, r.result ? RESULT_ZH[r.result] : '', r.reason]);
  return { fileName: `通行记录-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function rowsOf(tx: Tx, ctx: Ctx, q: MovementsQuery, under: string | null, limit: number, offset: number): Promise<MovementRow[]> {
  const rows = await MovementsSort.orderBy(
    filtered(tx, ctx, q, under).select(['e.id', 'e.occurred_at', 'e.place_id', 'p.name as place_name', 'd.name as device_name', 'e.kind', 'e.direction', 'e.credential', 'e.credential_value', 'e.result', 'e.reason']),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    placeId: r.place_id,
    placeName: r.place_name,
    deviceName: r.device_name,
    kind: r.kind as 'person' | 'vehicle',
    direction: r.direction,
    credential: r.credential,
    credentialShown: shownCredential(r.kind, r.credential, r.credential_value),
    result: r.result,
    reason: r.reason,
  }));
}

/** The compounds the actor reads movement records of (the records page's filter). */
export async function movementPlaces(ctx: Ctx): Promise<{ id: string; name: string; kind: string }[]> {
  if (!holdsAnywhere(ctx.actor, 'readMovements')) throw CommonErrors.FORBIDDEN();
  return read(ctx)
      .selectFrom('street_places as p')
      .select(['p.id', 'p.name', 'p.kind'])
      .where('p.kind', '=', 'compound')
      .where(placeFilter(ctx.actor, 'readMovements', 'p.id', 'p.path'))
      .orderBy('p.path')
      .limit(500)
      .execute();
}
