import ExcelJS from 'exceljs';
import { sql, type SqlBool } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../deliberation.db.ts';
import { DeliberationErrors } from '../deliberation.errors.ts';
import { allows, placeFilter } from '../deliberation.policy.ts';
import { overdueSql, todayOf } from '../execution.repository.ts';
import { type TasksExportQuery, type TasksQuery, TasksSort } from '../execution.schemas.ts';

function tasksQuery(db: Executor, ctx: Ctx, q: TasksExportQuery, underPath: string | undefined, today: string) {
  const overdue = overdueSql(today);
  return db
    .selectFrom('dlb_tasks as t')
    .innerJoin('dlb_items as i', (j) => j.onRef('i.street_id', '=', 't.street_id').onRef('i.id', '=', 't.item_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.id', '=', 'i.place_id'))
    .where(placeFilter(ctx.actor, 'read', 'i.place_id'))
    .$if(!!underPath, (qb) => qb.where('p.path', 'like', `${underPath}%`))
    .$if(!!q.itemId, (qb) => qb.where('t.item_id', '=', q.itemId!))
    .$if(q.overdue === 'true', (qb) => qb.where(sql<SqlBool>`${overdue}`))
    .$if(q.overdue === 'false', (qb) => qb.where(sql<SqlBool>`not ${overdue}`))
    .$if(q.done === 'true', (qb) => qb.where('t.done_at', 'is not', null))
    .$if(q.done === 'false', (qb) => qb.where('t.done_at', 'is', null))
    .$if(!!q.q, (qb) =>
      qb.where((eb) => eb.or([eb('t.title', 'ilike', containing(q.q!)), eb('t.organisation_name', 'ilike', containing(q.q!)), eb('t.responsible_name', 'ilike', containing(q.q!)), eb('i.code', 'ilike', containing(q.q!))])),
    );
}

const COLUMNS = [
  't.id',
  't.item_id as itemId',
  'i.code as itemCode',
  'i.title as itemTitle',
  'i.stage as itemStage',
  'p.name as placeName',
  'p.path as placePath',
  't.no',
  't.title',
  't.organisation_id as organisationId',
  't.organisation_name as organisationName',
  't.responsible_name as responsibleName',
  't.deadline',
  't.budget_fen as budgetFen',
  't.progress_percent as progressPercent',
  't.done_at as doneAt',
  't.escalated_at as escalatedAt',
] as const;

/**
 * Stage 4/5 tasks across the items the official may read: searchable (title, organisation, person, item code),
 * sortable (deadline, progress), filtered (overdue, done, item, place), each with its overdue flag.
 */
export async function listTasks(ctx: Ctx, q: TasksQuery) {
  const db = read(ctx);
  const under = q.placeId ? await findPlace(db, q.placeId) : undefined;
  if (q.placeId && (!under || !allows(ctx.actor, 'read', under.path))) throw DeliberationErrors.PLACE_NOT_FOUND();
  const today = todayOf(ctx);
  const base = tasksQuery(db, ctx, q, under?.path, today);
  const page = await paginate(
    q,
    TasksSort.orderBy(base.select([...COLUMNS]).select(overdueSql(today).as('overdue')), q)
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  );
  return {
    ...page,
    today,
    items: page.items.map(({ placePath, ...t }) => ({
      ...t,
      budgetFen: Number(t.budgetFen),
      canPlan: allows(ctx.actor, 'plan', placePath),
      canReport: allows(ctx.actor, 'report', placePath),
    })),
  };
}

const EXPORT_LIMIT = 10_000;

/** The same list as a spreadsheet (up to 10,000 rows), for the street's and the community's meetings. */
export async function listTasksXlsx(ctx: Ctx, q: TasksExportQuery): Promise<{ fileName: string; content: Buffer }> {
  const page = await listTasks(ctx, { ...q, page: 1, pageSize: 1 });
  const rows: Awaited<ReturnType<typeof listTasks>>['items'] = [];
  for (let p = 1; rows.length < Math.min(page.total, EXPORT_LIMIT); p++) {
    const next = await listTasks(ctx, { ...q, page: p, pageSize: 200 });
    if (next.items.length === 0) break;
    rows.push(...next.items);
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('任务');
  sheet.columns = [
    { header: '议题编号', key: 'itemCode', width: 14 },
    { header: '议题', key: 'itemTitle', width: 30 },
    { header: '地点', key: 'placeName', width: 14 },
    { header: '序号', key: 'no', width: 6 },
    { header: '任务', key: 'title', width: 30 },
    { header: '责任单位', key: 'organisationName', width: 20 },
    { header: '责任人', key: 'responsibleName', width: 10 },
    { header: '截止日期', key: 'deadline', width: 12 },
    { header: '预算（元）', key: 'budget', width: 12 },
    { header: '进度（%）', key: 'progressPercent', width: 10 },
    { header: '状态', key: 'state', width: 10 },
  ];
  for (const r of rows.slice(0, EXPORT_LIMIT)) {
    sheet.addRow({ ...r, budget: `${Math.floor(r.budgetFen / 100)}.${String(r.budgetFen % 100).padStart(2, '0')}`, state: r.doneAt ? '已完成' : r.overdue ? '已逾期' : '进行中' });
  }
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `议题任务-${page.today}.xlsx`, content };
}
