import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { ACTIVITY_KIND_ZH } from '../party.activities.constants.ts';
import type { ActivitiesQuery } from '../party.activities.schemas.ts';
import { read } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import { placeFilter } from '../party.policy.ts';
import type { ActivityKind } from '../party.tables.ts';
import { activityRows, holdsActivities } from './activities-access.ts';
import { seesPlace } from './stations-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** The activities list sorts by start, title, kind or organiser. */
export const ActivitiesSort = sortable({ startsAt: 'a.starts_at', title: 'a.title', kind: 'a.kind', branch: 'a.branch_name' }, { sort: 'startsAt', order: 'desc' }, 'a.id');

export interface ActivityListRow {
  id: string;
  branchName: string;
  communityName: string;
  kind: ActivityKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  status: 'scheduled' | 'cancelled';
  invited: number;
  present: number;
  excused: number;
}

const canRead = (ctx: Ctx) => holdsActivities(ctx, 'activitiesRead') || holdsActivities(ctx, 'activitiesManage');

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !seesPlace(ctx, place.path)) throw PartyErrors.PLACE_NOT_FOUND();
  return place.path;
}

const counted = (status: string) => sql<number>`(select count(*)::int from pty_activity_attendees t where t.street_id = a.street_id and t.activity_id = a.id and t.status = ${status})`;

function filtered(ctx: Ctx, q: ActivitiesQuery, under: string | undefined) {
  return activityRows(read(ctx))
    .select([
      sql<number>`(select count(*)::int from pty_activity_attendees t where t.street_id = a.street_id and t.activity_id = a.id)`.as('invited'),
      counted('present').as('present'),
      counted('excused').as('excused'),
    ])
    .where((eb) => eb.or([placeFilter(ctx.actor, 'activitiesRead', 'a.place_id', 'p.path'), placeFilter(ctx.actor, 'activitiesManage', 'a.place_id', 'p.path')]))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.kind, (s) => s.where('a.kind', '=', q.kind!))
    .$if(!!q.status, (s) => s.where('a.status', '=', q.status!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('a.title', 'ilike', like), eb('a.venue', 'ilike', like), eb('a.branch_name', 'ilike', like)]));
    });
}

const present = (r: ActivityListRow): ActivityListRow => ({
  id: r.id,
  branchName: r.branchName,
  communityName: r.communityName,
  kind: r.kind,
  title: r.title,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  venue: r.venue,
  status: r.status,
  invited: r.invited,
  present: r.present,
  excused: r.excused,
});

/** Activities in the actor's places with their attendance counts: search, filter by kind and status, sort, page. */
export async function listActivities(ctx: Ctx, q: ActivitiesQuery): Promise<Page<ActivityListRow>> {
  if (!canRead(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = ActivitiesSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<ActivityListRow[]>;
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map(present) };
}

const time = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportActivitiesXlsx(ctx: Ctx, q: ActivitiesQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!canRead(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await ActivitiesSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute()) as ActivityListRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('党组织活动');
  sheet.columns = [
    { header: '活动名称', width: 28 },
    { header: '活动类型', width: 12 },
    { header: '组织党组织', width: 26 },
    { header: '开始时间', width: 18 },
    { header: '结束时间', width: 18 },
    { header: '地点', width: 20 },
    { header: '应到', width: 8 },
    { header: '实到', width: 8 },
    { header: '请假', width: 8 },
    { header: '状态', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.title, ACTIVITY_KIND_ZH[r.kind], r.branchName, time(r.startsAt), time(r.endsAt), r.venue, r.invited, r.present, r.excused, r.status === 'cancelled' ? '已取消' : '正常']);
  return { fileName: `党组织活动-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
