import ExcelJS from 'exceljs';
import type { Ctx } from '../../../kernel/context.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import { containing } from '../../../kernel/db/like.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { HOUSEHOLD_STATUS_ZH, type HouseholdStatus } from '../grid.emergency.constants.ts';
import type { HouseholdsQuery } from '../grid.emergency.schemas.ts';
import { type Executor, read } from '../grid.db.ts';
import { chinaMinute, type DeclarationRow, readableDeclaration } from './emergency-access.ts';

/** Households sort by their place in the compound (building, unit, floor, room), their status or when they were marked. */
export const HouseholdsSort = sortable({ seq: 'h.seq', status: 'h.status', markedAt: 'h.marked_at' }, { sort: 'seq', order: 'asc' }, 'h.id');

export interface HouseholdListRow {
  id: string;
  buildingId: string;
  building: string;
  unit: string;
  room: string;
  status: HouseholdStatus;
  need: string;
  answers: Record<string, string>;
  markedName: string;
  markedAt: Date | null;
  /** Who holds it now (a live claim), if anyone. */
  heldBy: string | null;
  heldUntil: Date | null;
}

function filtered(db: Executor, d: DeclarationRow, q: HouseholdsQuery) {
  return db
    .selectFrom('grid_emergency_households as h')
    .innerJoin('grid_emergency_screenings as s', (j) => j.onRef('s.street_id', '=', 'h.street_id').onRef('s.id', '=', 'h.screening_id'))
    .where('s.street_id', '=', d.streetId)
    .where('s.declaration_id', '=', d.id)
    .$if(!!q.status, (s) => s.where('h.status', '=', q.status!))
    .$if(!!q.buildingId, (s) => s.where('h.building_id', '=', q.buildingId!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('h.room', 'ilike', like), eb('h.building', 'ilike', like), eb('h.unit', 'ilike', like), eb('h.need', 'ilike', like)]));
    });
}

async function rowsOf(ctx: Ctx, d: DeclarationRow, q: HouseholdsQuery, limit: number, offset: number): Promise<HouseholdListRow[]> {
  const now = ctx.kernel.clock.now();
  const rows = await HouseholdsSort.orderBy(
    filtered(read(ctx), d, q).select([
      'h.id',
      'h.building_id as buildingId',
      'h.building',
      'h.unit',
      'h.room',
      'h.status',
      'h.need',
      'h.answers',
      'h.marked_name as markedName',
      'h.marked_at as markedAt',
      'h.claimed_name as claimedName',
      'h.claimed_until as claimedUntil',
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(({ claimedName, claimedUntil, ...r }) => {
    const held = !!claimedUntil && claimedUntil > now;
    return { ...r, heldBy: held ? claimedName : null, heldUntil: held ? claimedUntil : null };
  });
}

/** The screening's households (staff who read the declaration): filtered by status and building, searched by room, sorted, paged. */
export async function listHouseholds(ctx: Ctx, id: string, q: HouseholdsQuery): Promise<Page<HouseholdListRow>> {
  const d = await readableDeclaration(read(ctx), ctx, id);
  const count = filtered(read(ctx), d, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, d, q, q.pageSize, offsetOf(q)), count);
}

/** The same list (up to 20,000 rows) as xlsx, with the checklist's answers as columns. */
export async function exportHouseholdsXlsx(ctx: Ctx, id: string, q: HouseholdsQuery): Promise<{ fileName: string; content: Buffer }> {
  const db = read(ctx);
  const d = await readableDeclaration(db, ctx, id);
  const screening = await db.selectFrom('grid_emergency_screenings').select('questions').where('street_id', '=', d.streetId).where('declaration_id', '=', d.id).executeTakeFirst();
  const questions = screening?.questions ?? [];
  const rows = await rowsOf(ctx, d, q, 20_000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('入户排查');
  sheet.columns = [
    { header: '楼栋', width: 16 },
    { header: '单元', width: 10 },
    { header: '房号', width: 10 },
    { header: '状态', width: 10 },
    { header: '需求', width: 30 },
    ...questions.map((t) => ({ header: t, width: 16 })),
    { header: '排查人', width: 12 },
    { header: '排查时间', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  const yn = (a: string | undefined) => (a === 'yes' ? '是' : a === 'no' ? '否' : '');
  for (const r of rows)
    sheet.addRow([r.building, r.unit, r.room, HOUSEHOLD_STATUS_ZH[r.status], r.need, ...questions.map((_, i) => yn(r.answers[String(i)])), r.markedName, chinaMinute(r.markedAt)]);
  return { fileName: `入户排查-${d.placeName}-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
