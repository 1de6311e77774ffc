import ExcelJS from 'exceljs';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { allows, placeFilter } from '../volunteers.policy.ts';
import type { TasksQuery } from '../volunteers.tasks.schemas.ts';
import { holdsTasks, type ShownStatus, shownStatus, type TaskRow, taskRows } from './tasks-access.ts';

/** The task board sorts by deadline, posting time, points, title or status. */
export const TasksSort = sortable({ deadline: 't.deadline', createdAt: 't.created_at', points: 't.points', title: 't.title', status: 't.status' }, { sort: 'createdAt', order: 'desc' }, 't.id');

export interface TaskListRow {
  id: string;
  title: string;
  target: string;
  placeId: string;
  placeName: string;
  points: number;
  minutes: number;
  deadline: Date;
  status: ShownStatus;
  grabbedName: string | null;
  grabbedAt: Date | null;
  doneAt: Date | null;
  createdByName: string;
  createdAt: Date;
}

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !(allows(ctx.actor, 'tasksRead', place.path) || allows(ctx.actor, 'tasksManage', place.path) || ctx.actor.grants.some((g) => g.placePath.startsWith(place.path)))) {
    throw VolunteersErrors.PLACE_NOT_FOUND();
  }
  return place.path;
}

function filtered(ctx: Ctx, q: TasksQuery, under: string | undefined) {
  const now = ctx.kernel.clock.now();
  return taskRows(read(ctx))
    .where((eb) => eb.or([placeFilter(ctx.actor, 'tasksRead', 't.place_id', 'p.path'), placeFilter(ctx.actor, 'tasksManage', 't.place_id', 'p.path')]))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(q.status === 'expired', (s) => s.where('t.status', '=', 'open').where('t.deadline', '<=', now))
    .$if(q.status === 'open', (s) => s.where('t.status', '=', 'open').where('t.deadline', '>', now))
    .$if(!!q.status && q.status !== 'open' && q.status !== 'expired', (s) => s.where('t.status', '=', q.status as Exclude<ShownStatus, 'expired'>))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('t.title', 'ilike', like), eb('t.target', 'ilike', like), eb('t.description', 'ilike', like), eb('t.grabbed_name', 'ilike', like)]));
    });
}

const present = (r: TaskRow, now: Date): TaskListRow => ({
  id: r.id,
  title: r.title,
  target: r.target,
  placeId: r.placeId,
  placeName: r.placeName,
  points: r.points,
  minutes: r.minutes,
  deadline: r.deadline,
  status: shownStatus(r, now),
  grabbedName: r.grabbedName,
  grabbedAt: r.grabbedAt,
  doneAt: r.doneAt,
  createdByName: r.createdByName,
  createdAt: r.createdAt,
});

/** The task board: tasks in the actor's places — search, filter by status (expired included) and place, sort, page. */
export async function listTasks(ctx: Ctx, q: TasksQuery): Promise<Page<TaskListRow>> {
  if (!holdsTasks(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = TasksSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<TaskRow[]>;
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const now = ctx.kernel.clock.now();
  return { ...page, items: page.items.map((r) => present(r, now)) };
}

const STATUS_ZH: Record<ShownStatus, string> = { open: '待抢单', grabbed: '进行中', done: '待确认', confirmed: '已确认', cancelled: '已取消', expired: '已过期' };
const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportTasksXlsx(ctx: Ctx, q: TasksQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsTasks(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await TasksSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute()) as TaskRow[];
  const now = ctx.kernel.clock.now();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('任务抢单');
  sheet.columns = [
    { header: '任务', width: 28 },
    { header: '服务对象/地点', width: 24 },
    { header: '发布范围', width: 16 },
    { header: '积分', width: 8 },
    { header: '服务时长（分钟）', width: 12 },
    { header: '截止时间', width: 18 },
    { header: '状态', width: 10 },
    { header: '抢单志愿者', width: 12 },
    { header: '抢单时间', width: 18 },
    { header: '完成时间', width: 18 },
    { header: '发布人', width: 12 },
    { header: '发布时间', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.title, r.target, r.placeName, r.points, r.minutes, time(r.deadline), STATUS_ZH[shownStatus(r, now)], r.grabbedName ?? '', time(r.grabbedAt), time(r.doneAt), r.createdByName, time(r.createdAt)]);
  }
  return { fileName: `任务抢单-${chinaDay(now)}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
