import ExcelJS from 'exceljs';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import type { ActivitiesQuery } from '../volunteers.activities.schemas.ts';
import { read } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { allows, placeFilter } from '../volunteers.policy.ts';
import type { VolActivityStatus } from '../volunteers.tables.ts';
import { activityRows, readsActivities, shanghaiTime } from './activities-access.ts';

/** The staff list sorts by start, title, sign-ups or points per hour. */
export const ActivitiesSort = sortable(
  { startsAt: 'a.starts_at', title: 'a.title', signedUp: 'a.signed_up', pointsPerHour: 'a.points_per_hour' },
  { sort: 'startsAt', order: 'desc' },
  'a.id',
);

export interface ActivityListRow {
  id: string;
  placeId: string;
  placeName: string;
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  signedUp: number;
  pointsPerHour: number;
  status: VolActivityStatus;
}

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !(allows(ctx.actor, 'activitiesRead', place.path) || allows(ctx.actor, 'activitiesManage', place.path))) throw VolunteersErrors.PLACE_NOT_FOUND();
  return place.path;
}

function filtered(ctx: Ctx, q: ActivitiesQuery, under: string | undefined) {
  return activityRows(read(ctx))
    .where((eb) => eb.or([placeFilter(ctx.actor, 'activitiesRead', 'a.place_id', 'p.path'), placeFilter(ctx.actor, 'activitiesManage', 'a.place_id', 'p.path')]))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.status, (s) => s.where('a.status', '=', q.status!))
    .$if(q.attention === 'toConfirm', (s) =>
      s.where('a.status', '<>', 'cancelled').where(({ exists, selectFrom }) =>
        exists(
          selectFrom('vol_activity_signups as w')
            .select('w.id')
            .whereRef('w.street_id', '=', 'a.street_id')
            .whereRef('w.activity_id', '=', 'a.id')
            .where('w.status', '=', 'signed_up')
            .where('w.signed_out_at', 'is not', null)
            .where('w.confirmed_at', 'is', null),
        ),
      ),
    )
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('a.title', 'ilike', like), eb('a.venue', 'ilike', like), eb('p.name', 'ilike', like)]));
    });
}

const present = (r: ActivityListRow): ActivityListRow => ({
  id: r.id,
  placeId: r.placeId,
  placeName: r.placeName,
  title: r.title,
  venue: r.venue,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  capacity: r.capacity,
  signedUp: r.signedUp,
  pointsPerHour: r.pointsPerHour,
  status: r.status,
});

/** Volunteer activities in the actor's places: search (title, venue, place), filter by place and status, sort, page. */
export async function listActivities(ctx: Ctx, q: ActivitiesQuery): Promise<Page<ActivityListRow>> {
  if (!readsActivities(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = ActivitiesSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<ActivityListRow[]>;
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map(present) };
}

const STATUS_ZH: Record<VolActivityStatus, string> = { published: '报名中', cancelled: '已取消', finished: '已结束' };

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportActivitiesXlsx(ctx: Ctx, q: ActivitiesQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!readsActivities(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await ActivitiesSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute()) as ActivityListRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('志愿活动');
  sheet.columns = [
    { header: '活动名称', width: 28 },
    { header: '组织单位', width: 16 },
    { header: '地点', width: 22 },
    { header: '开始时间', width: 18 },
    { header: '结束时间', width: 18 },
    { header: '名额', width: 8 },
    { header: '已报名', width: 8 },
    { header: '每小时积分', width: 10 },
    { header: '状态', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.title, r.placeName, r.venue, shanghaiTime(r.startsAt), shanghaiTime(r.endsAt), r.capacity, r.signedUp, r.pointsPerHour, STATUS_ZH[r.status]]);
  return { fileName: `志愿活动-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
