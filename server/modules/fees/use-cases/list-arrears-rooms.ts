import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { maskName } from '../../../kernel/pii/pii.ts';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { currentMembersOfRoom } from '../../registry/index.ts';
import { arrearsRooms } from '../fees.arrears.repository.ts';
import { read } from '../fees.db.ts';
import type { ArrearsRoomsQuery } from '../fees.arrears.schemas.ts';
import { BAND_MIN_MONTHS, bandOf, yuan } from './arrears-rules.ts';
import { arrearsScope, seesFullNames } from './arrears-scope.ts';

export const ArrearsRoomsSort = sortable({ owed: 'r.owedFen', months: 'r.months', room: 'r.roomPath', bills: 'r.bills' }, { sort: 'owed', order: 'desc' }, 'r.roomId');

const BAND_MAX_MONTHS = { upTo3: 3, from3To6: 6, from6To12: 12, over12: 1_000_000 } as const;

async function rooms(ctx: Ctx, q: ArrearsRoomsQuery) {
  const { place, streetId, day } = await arrearsScope(ctx, q.placeId);
  const db = read(ctx);
  const base = () => {
    let s = db.selectFrom(arrearsRooms(db, streetId, place.path, day).as('r'));
    // A room's band is its oldest overdue bill's.
    if (q.band) s = s.where('r.months', '>=', BAND_MIN_MONTHS[q.band]).where('r.months', '<=', BAND_MAX_MONTHS[q.band]);
    if (q.minBand) s = s.where('r.months', '>=', BAND_MIN_MONTHS[q.minBand]);
    if (q.q) s = s.where(pathLabel('r.roomPath', ['building', 'unit', 'room']), 'ilike', `%${q.q}%`);
    return s;
  };
  return { base, day, place };
}

const LIVE_CASE = sql<string | null>`(select c.status from fee_arrears_cases c where c.street_id = (select street_id from street_places where id = r."roomId") and c.room_id = r."roomId" and c.status <> 'closed' limit 1)`;

async function withOwners<T extends { roomId: string }>(ctx: Ctx, placePath: string, items: T[]) {
  const full = seesFullNames(ctx.actor, placePath);
  const db = read(ctx);
  return Promise.all(
    items.map(async (r) => {
      const members = await currentMembersOfRoom(db, r.roomId);
      const owners = members.filter((m) => m.relations.includes('owner') || m.relations.includes('co_owner')).map((m) => (full ? m.name : maskName(m.name)));
      return { ...r, owners };
    }),
  );
}

/** Rooms in arrears under a place (search by room, filter by band), owners' names masked for property staff. */
export async function listArrearsRooms(ctx: Ctx, q: ArrearsRoomsQuery) {
  const { base, place } = await rooms(ctx, q);
  const items = ArrearsRoomsSort.orderBy(
    base().select(['r.roomId', 'r.compoundId', 'r.owedFen', 'r.bills', 'r.months', pathLabel('r.roomPath', ['compound', 'building', 'unit', 'room']).as('roomLabel'), LIVE_CASE.as('caseStatus')]),
    q,
  )
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute();
  const count = base()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const withBand = page.items.map((r) => ({ ...r, owedFen: Number(r.owedFen), band: bandOf(r.months) }));
  return { ...page, items: await withOwners(ctx, place.path, withBand) };
}

const BAND_ZH = { upTo3: '3个月以内', from3To6: '3–6个月', from6To12: '6–12个月', over12: '12个月以上' } as const;

export async function exportArrearsRoomsXlsx(ctx: Ctx, q: ArrearsRoomsQuery) {
  const { base, place, day } = await rooms(ctx, q);
  const rows = await ArrearsRoomsSort.orderBy(base().select(['r.roomId', 'r.owedFen', 'r.bills', 'r.months', pathLabel('r.roomPath', ['compound', 'building', 'unit', 'room']).as('roomLabel')]), q)
    .limit(20_000)
    .execute();
  const named = await withOwners(ctx, place.path, rows);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('欠费房屋');
  sheet.addRow([`${place.name} 欠费房屋（截至 ${day}）`]).font = { bold: true, size: 13 };
  sheet.addRow(['房屋', '业主', '欠费账单数', '欠费金额（元）', '最久逾期（整月）', '账龄']).font = { bold: true };
  for (const r of named) sheet.addRow([r.roomLabel, r.owners.join('、'), r.bills, yuan(Number(r.owedFen)), r.months, BAND_ZH[bandOf(r.months)]]);
  sheet.columns = [{ width: 34 }, { width: 16 }, { width: 12 }, { width: 16 }, { width: 16 }, { width: 14 }];
  return { fileName: `欠费房屋-${day}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
