import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { read } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { LOAN_STATUS_ZH } from '../volunteers.lending.constants.ts';
import type { LoansQuery } from '../volunteers.lending.schemas.ts';
import { allows, holdsAnywhere, placeFilter } from '../volunteers.policy.ts';
import type { LoanStatus } from '../volunteers.tables.ts';
import { daysBetween, todayOf } from './lending-access.ts';

/** The workbench's loans sort by due day, request time, title or compound; the overdue always come first. */
export const LoansSort = sortable({ dueOn: 'n.due_on', requestedAt: 'n.requested_at', title: 'l.title', compound: 'p.name' }, { sort: 'requestedAt', order: 'desc' }, 'n.id');

export interface LoanListRow {
  id: string;
  compoundName: string;
  kind: 'tool' | 'book';
  title: string;
  ownerName: string;
  borrowerName: string;
  status: LoanStatus;
  requestedAt: Date;
  lentOn: string | null;
  dueOn: string | null;
  returnedAt: Date | null;
  overdue: boolean;
  overdueDays: number;
  remindedOn: string | null;
}

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !allows(ctx.actor, 'boardsRead', place.path)) throw VolunteersErrors.PLACE_NOT_FOUND();
  return place.path;
}

function filtered(ctx: Ctx, q: LoansQuery, under: string | undefined, today: string) {
  return read(ctx)
    .selectFrom('vol_loans as n')
    .innerJoin('vol_listings as l', (j) => j.onRef('l.street_id', '=', 'n.street_id').onRef('l.id', '=', 'n.listing_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'n.street_id').onRef('p.id', '=', 'n.place_id'))
    .where(placeFilter(ctx.actor, 'boardsRead', 'n.place_id', 'p.path'))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.kind, (s) => s.where('l.kind', '=', q.kind!))
    .$if(!!q.status && q.status !== 'overdue', (s) => s.where('n.status', '=', q.status as LoanStatus))
    .$if(q.status === 'overdue', (s) => s.where('n.status', '=', 'lent').where('n.due_on', '<', today))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('l.title', 'ilike', like), eb('l.author', 'ilike', like), eb('l.owner_name', 'ilike', like), eb('p.name', 'ilike', like)]));
    });
}

async function rowsOf(ctx: Ctx, q: LoansQuery, under: string | undefined, limit: number, offset: number) {
  const today = todayOf(ctx);
  const overdueFirst = sql<number>`case when n.status = 'lent' and n.due_on < ${today}::date then 0 else 1 end`;
  const rows = await LoansSort.orderBy(
    filtered(ctx, q, under, today)
      .select([
        'n.id',
        'p.name as compoundName',
        'l.kind',
        'l.title',
        'l.owner_name as ownerName',
        'n.borrower_name as borrowerName',
        'n.status',
        'n.requested_at as requestedAt',
        'n.lent_on as lentOn',
        'n.due_on as dueOn',
        'n.returned_at as returnedAt',
        'n.reminded_on as remindedOn',
      ])
      .orderBy(overdueFirst),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r): LoanListRow => {
    const overdue = r.status === 'lent' && !!r.dueOn && r.dueOn < today;
    return {
      id: r.id,
      compoundName: r.compoundName,
      kind: r.kind as 'tool' | 'book',
      title: r.title,
      ownerName: r.ownerName,
      borrowerName: maskName(r.borrowerName),
      status: r.status,
      requestedAt: r.requestedAt,
      lentOn: r.lentOn,
      dueOn: r.dueOn,
      returnedAt: r.returnedAt,
      overdue,
      overdueDays: overdue ? daysBetween(r.dueOn!, today) : 0,
      remindedOn: r.remindedOn,
    };
  });
}

/** The loans of the compounds in my scope (boardsRead): the overdue first, then as sorted; searched, filtered, paged. */
export async function listLoans(ctx: Ctx, q: LoansQuery): Promise<Page<LoanListRow>> {
  if (!holdsAnywhere(ctx.actor, 'boardsRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const count = filtered(ctx, q, under, todayOf(ctx))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, under, q.pageSize, offsetOf(q)), count);
}

const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportLoansXlsx(ctx: Ctx, q: LoansQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'boardsRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = await rowsOf(ctx, q, under, 20_000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('工具图书借用');
  sheet.columns = [
    { header: '小区', width: 16 },
    { header: '类别', width: 8 },
    { header: '物品', width: 24 },
    { header: '物主', width: 10 },
    { header: '借用人', width: 10 },
    { header: '状态', width: 10 },
    { header: '申请时间', width: 18 },
    { header: '借出日期', width: 12 },
    { header: '应还日期', width: 12 },
    { header: '归还时间', width: 18 },
    { header: '逾期天数', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([r.compoundName, r.kind === 'book' ? '图书' : '工具', r.title, r.ownerName, r.borrowerName, r.overdue ? '逾期' : LOAN_STATUS_ZH[r.status], time(r.requestedAt), r.lentOn ?? '', r.dueOn ?? '', time(r.returnedAt), r.overdueDays || '']);
  return { fileName: `工具图书借用-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
