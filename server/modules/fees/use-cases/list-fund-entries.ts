import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Page, paginate, offsetOf, sortable } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { entryRoomLabel } from '../fees.fund.repository.ts';
import { FUND_KIND_ZH, type FundBasisKind, type FundEntryKind } from '../fees.fund.constants.ts';
import { fundPlaceFilter } from '../fees.fund.policy.ts';
import { fundStaffPlace } from './fund-access.ts';

export const FundEntriesSort = sortable({ day: 'e.day', amount: 'e.amount_fen', serial: 'e.serial', kind: 'e.kind' }, { sort: 'day', order: 'desc' }, 'e.id');
export interface FundEntriesQuery {
  page: number;
  pageSize: number;
  placeId?: string | undefined;
  q?: string | undefined;
  kind?: FundEntryKind | undefined;
  /** Uses by their basis: `none` — the uses still without one (the to-do's list). */
  basis?: 'none' | FundBasisKind | undefined;
  sort?: (typeof FundEntriesSort.keys)[number];
  order?: 'asc' | 'desc';
}

async function filtered(ctx: Ctx, q: FundEntriesQuery) {
  const db = read(ctx);
  const place = q.placeId ? await fundStaffPlace(ctx, db, q.placeId, 'read', ['street', 'community', 'grid', 'compound']) : null;
  return () => {
    let s = db
      .selectFrom('fee_fund_entries as e')
      .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'e.street_id').onRef('c.id', '=', 'e.compound_id'))
      .leftJoin('fee_fund_use_bases as b', (j) => j.onRef('b.street_id', '=', 'e.street_id').onRef('b.entry_id', '=', 'e.id'))
      .where(fundPlaceFilter(ctx.actor, 'read', 'e.compound_id', 'c.path'));
    if (q.basis === 'none') s = s.where('e.kind', '=', 'use').where('b.entry_id', 'is', null);
    else if (q.basis) s = s.where('b.kind', '=', q.basis);
    if (place) s = s.where('c.path', 'like', `${place.path}%`);
    if (q.kind) s = s.where('e.kind', '=', q.kind);
    if (q.q) s = s.where((eb) => eb.or([eb('e.serial', 'ilike', `%${q.q}%`), eb('e.summary', 'ilike', `%${q.q}%`)]));
    return s;
  };
}

const columns = [
  'e.id',
  'e.serial',
  sql<string>`to_char(e.day, 'YYYY-MM-DD')`.as('day'),
  'c.name as compoundName',
  entryRoomLabel.as('room'),
  'e.kind',
  'e.amount_fen as amountFen',
  'e.balance_fen as balanceFen',
  'e.summary',
  'b.kind as basisKind',
] as const;

/** Staff: the fund's entries under a place (or all they read) — search by serial or summary, filter by kind, sortable. */
export async function listFundEntries(ctx: Ctx, q: FundEntriesQuery): Promise<Page<{ id: string; serial: string; day: string; compoundName: string; room: string | null; kind: FundEntryKind; amountFen: number; balanceFen: number | null; summary: string; basisKind: FundBasisKind | null }>> {
  const base = await filtered(ctx, q);
  const items = FundEntriesSort.orderBy(base().select(columns), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const page = await paginate(q, items, base().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
  return { ...page, items: page.items.map((r) => ({ ...r, amountFen: Number(r.amountFen), balanceFen: r.balanceFen === null ? null : Number(r.balanceFen) })) };
}

/** The same list (all pages, up to 20,000 rows) as xlsx, in the statement's own columns. */
export async function exportFundEntriesXlsx(ctx: Ctx, q: FundEntriesQuery): Promise<{ fileName: string; content: Buffer }> {
  const base = await filtered(ctx, q);
  const rows = await FundEntriesSort.orderBy(base().select(columns), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('维修资金流水');
  sheet.columns = [
    { header: '流水号', width: 18 },
    { header: '日期', width: 12 },
    { header: '小区', width: 14 },
    { header: '楼栋/房号', width: 22 },
    { header: '类型', width: 8 },
    { header: '金额(元)', width: 12 },
    { header: '余额(元)', width: 14 },
    { header: '摘要', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  const yuan = (fen: number | string) => (Number(fen) / 100).toFixed(2);
  for (const r of rows) sheet.addRow([r.serial, r.day, r.compoundName, r.room ?? '', FUND_KIND_ZH[r.kind], yuan(r.amountFen), r.balanceFen === null ? '' : yuan(r.balanceFen), r.summary]);
  return { fileName: `维修资金流水-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
