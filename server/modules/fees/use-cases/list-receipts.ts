import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Page, paginate, offsetOf, sortable } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { placeFilter } from '../fees.policy.ts';
import type { ReceiptsQuery } from '../fees.arrears.schemas.ts';
import { yuan } from './arrears-rules.ts';
import { type ReceiptRow, receiptQuery, receiptsOfRooms } from './receipt-access.ts';
import { payerRooms } from './payer-access.ts';
import { readablePlacePath } from './place-scope.ts';

export const ReceiptsSort = sortable({ issuedAt: 'r.issued_at', no: ['r.issuer_id', 'r.year', 'r.seq'], amount: 'r.amount_fen', status: 'r.status' }, { sort: 'issuedAt', order: 'desc' }, 'r.id');

function filtered(ctx: Ctx, q: ReceiptsQuery, underPath: string | undefined) {
  let s = receiptQuery(read(ctx)).where(placeFilter(ctx.actor, 'read', 'r.compound_id', 'c.path'));
  if (underPath) s = s.where('c.path', 'like', `${underPath}%`);
  if (q.status) s = s.where('r.status', '=', q.status);
  if (q.q) s = s.where((eb) => eb.or([eb('r.no', 'ilike', `%${q.q}%`), eb('p.no', 'ilike', `%${q.q}%`), eb('r.room_label', 'ilike', `%${q.q}%`)]));
  return s;
}

/** Staff: the receipts of the compounds they read fees of — search by number (receipt or payment) or room. */
export async function listReceipts(ctx: Ctx, q: ReceiptsQuery): Promise<Page<Omit<ReceiptRow, 'compoundPath'>>> {
  const underPath = await readablePlacePath(ctx, q.placeId);
  const base = filtered(ctx, q, underPath);
  const items = ReceiptsSort.orderBy(base, q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, underPath)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map(({ compoundPath: _p, ...r }) => r) };
}

const STATUS_ZH = { valid: '有效', voided: '已作废' } as const;

/** The same list (all pages, up to 20,000 rows) as xlsx. */
export async function exportReceiptsXlsx(ctx: Ctx, q: ReceiptsQuery): Promise<{ fileName: string; content: Buffer }> {
  const underPath = await readablePlacePath(ctx, q.placeId);
  const rows = await ReceiptsSort.orderBy(filtered(ctx, q, underPath), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('收据');
  sheet.columns = [
    { header: '收据号', width: 16 },
    { header: '开具时间', width: 12 },
    { header: '小区', width: 16 },
    { header: '房屋', width: 22 },
    { header: '所缴期间', width: 20 },
    { header: '金额（元）', width: 12 },
    { header: '缴费人', width: 10 },
    { header: '缴费单号', width: 22 },
    { header: '状态', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.no, chinaDay(r.issuedAt), r.compoundName, r.roomLabel, r.periods, yuan(r.amountFen), r.payerNameMasked ?? '', r.paymentNo, STATUS_ZH[r.status]]);
  }
  return { fileName: `收据-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A resident: the receipts of the payments for their rooms (owned, co-owned, or authorised to pay), newest first. */
export async function listMyReceipts(ctx: Ctx, q: { page: number; pageSize: number }) {
  const db = read(ctx);
  const rooms = (await payerRooms(db, ctx)).map((r) => r.roomId);
  if (rooms.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const items = receiptsOfRooms(db, rooms).orderBy('r.issued_at', 'desc').orderBy('r.id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = receiptsOfRooms(db, rooms)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map(({ compoundPath: _p, voidPending: _v, voucherNo: _n, ...r }) => r) };
}
