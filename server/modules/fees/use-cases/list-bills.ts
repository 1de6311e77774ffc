import ExcelJS from 'exceljs';
import { type Expression, type SqlBool, sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../fees.db.ts';
import { placeFilter } from '../fees.policy.ts';
import { BillsSort, type BillsQuery } from '../fees.bills.schemas.ts';
import { readablePlacePath } from './place-scope.ts';

/** The bills the actor reads (read permission over the bill's room), filtered in SQL. */
async function billsQuery(ctx: Ctx, q: Omit<BillsQuery, 'page' | 'pageSize'>) {
  const db = read(ctx);
  const under = await readablePlacePath(ctx, q.placeId);
  const scope: Expression<SqlBool> = placeFilter(ctx.actor, 'read', 'b.room_id', 'p.path');
  return db
    .selectFrom('fee_bills as b')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'b.street_id').onRef('p.id', '=', 'b.room_id'))
    .where(scope)
    .$if(!!under, (qb) => qb.where('p.path', 'like', `${under}%`))
    .$if(!!q.period, (qb) => qb.where('b.period_label', '=', q.period!))
    .$if(!!q.status, (qb) => qb.where('b.status', '=', q.status!))
    .$if(!!q.payerKind, (qb) => qb.where('b.payer_kind', '=', q.payerKind!))
    .$if(!!q.q, (qb) => qb.where(pathLabel('p.path', ['building', 'unit', 'room']), 'like', containing(q.q!)));
}

const columns = [
  'b.id',
  'b.room_id as roomId',
  'b.compound_id as compoundId',
  'b.period_label as periodLabel',
  'b.period_start as periodStart',
  'b.period_end as periodEnd',
  'b.payer_kind as payerKind',
  'b.source',
  'b.amount_fen as amountFen',
  'b.adjusted_fen as adjustedFen',
  'b.paid_fen as paidFen',
  'b.status',
  'b.due_on as dueOn',
  'b.issued_at as issuedAt',
] as const;

/** Staff: the bills of the places they read, filtered (place, period, status, payer kind, room label), sorted, paged. */
export async function listBills(ctx: Ctx, q: BillsQuery) {
  const base = await billsQuery(ctx, q);
  return paginate(
    q,
    BillsSort.orderBy(base, q)
      .select(columns)
      .select([pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'), sql<number>`b.amount_fen + b.adjusted_fen - b.paid_fen`.as('dueFen')])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
}

const STATUS_ZH = { open: '待缴', paid: '已缴清', written_off: '已核销' } as const;
const STATUS_EN = { open: 'Open', paid: 'Paid', written_off: 'Written off' } as const;
const yuan = (fen: number) => Math.round(fen) / 100;

/** The same bills as an xlsx workbook (every row that matches, up to 100,000), amounts in yuan. */
export async function exportBillsXlsx(ctx: Ctx, q: Omit<BillsQuery, 'page' | 'pageSize'>) {
  const base = await billsQuery(ctx, q);
  const rows = await BillsSort.orderBy(base, q)
    .select(columns)
    .select(pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'))
    .limit(100_000)
    .execute();
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Bills' : '账单');
  sheet.columns = [
    { header: en ? 'Room' : '房屋', key: 'room', width: 36 },
    { header: en ? 'Period' : '账期', key: 'period', width: 12 },
    { header: en ? 'Days' : '计费期间', key: 'days', width: 24 },
    { header: en ? 'Payer' : '缴费方', key: 'payer', width: 10 },
    { header: en ? 'Billed (yuan)' : '账单金额（元）', key: 'amount', width: 14 },
    { header: en ? 'Adjusted (yuan)' : '调整（元）', key: 'adjusted', width: 12 },
    { header: en ? 'Paid (yuan)' : '已缴（元）', key: 'paid', width: 12 },
    { header: en ? 'Due (yuan)' : '应缴余额（元）', key: 'due', width: 14 },
    { header: en ? 'Due on' : '缴费期限', key: 'dueOn', width: 12 },
    { header: en ? 'Status' : '状态', key: 'status', width: 10 },
  ];
  for (const r of rows) {
    sheet.addRow({
      room: r.roomLabel,
      period: r.periodLabel,
      days: `${r.periodStart} – ${r.periodEnd}`,
      payer: r.payerKind === 'developer' ? (en ? 'Developer' : '建设单位') : en ? 'Owners' : '业主',
      amount: yuan(r.amountFen),
      adjusted: yuan(r.adjustedFen),
      paid: yuan(r.paidFen),
      due: r.status === 'open' ? yuan(r.amountFen + r.adjustedFen - r.paidFen) : 0,
      dueOn: r.dueOn,
      status: (en ? STATUS_EN : STATUS_ZH)[r.status],
    });
  }
  for (const key of ['amount', 'adjusted', 'paid', 'due']) sheet.getColumn(key).numFmt = '0.00';
  sheet.getRow(1).font = { bold: true };
  return { fileName: `${en ? 'bills' : '账单'}${q.period ? `_${q.period}` : ''}.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()), rows: rows.length };
}
