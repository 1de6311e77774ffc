import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import type { AttendanceQuery } from '../party.activities.schemas.ts';
import { read } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import { placeFilter } from '../party.policy.ts';
import { holdsActivities } from './activities-access.ts';
import { seesPlace } from './stations-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** The attendance table sorts by name, invitations, attendances or the attendance rate. */
export const AttendanceSort = sortable(
  { name: 'personName', invited: sql`count(*)`, present: sql`count(*) filter (where t.status = 'present')`, rate: sql`(count(*) filter (where t.status = 'present'))::float / count(*)` },
  { sort: 'name', order: 'asc' },
  't.member_id',
);

export interface MemberAttendanceRow {
  memberId: string;
  personName: string;
  membership: 'local' | 'employed';
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

/** Attendee rows of the year's held (not cancelled) activities in the actor's places, grouped by member. */
function grouped(ctx: Ctx, q: AttendanceQuery, under: string | undefined) {
  return read(ctx)
    .selectFrom('pty_activity_attendees as t')
    .innerJoin('pty_activities as a', (j) => j.onRef('a.street_id', '=', 't.street_id').onRef('a.id', '=', 't.activity_id'))
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'a.street_id').onRef('p.id', '=', 'a.place_id'))
    .where((eb) => eb.or([placeFilter(ctx.actor, 'activitiesRead', 'a.place_id', 'p.path'), placeFilter(ctx.actor, 'activitiesManage', 'a.place_id', 'p.path')]))
    .where('a.status', '=', 'scheduled')
    .where(sql<boolean>`extract(year from a.starts_at at time zone 'Asia/Shanghai') = ${q.year}`)
    .where('a.starts_at', '<=', ctx.kernel.clock.now())
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.q, (s) => s.where('t.person_name', 'ilike', containing(q.q!)))
    .groupBy(['t.member_id', 't.person_name', 't.membership']);
}

const selectCounts = (s: ReturnType<typeof grouped>) =>
  s.select([
    't.member_id as memberId',
    't.person_name as personName',
    't.membership',
    sql<number>`count(*)::int`.as('invited'),
    sql<number>`(count(*) filter (where t.status = 'present'))::int`.as('present'),
    sql<number>`(count(*) filter (where t.status = 'excused'))::int`.as('excused'),
  ]);

/** Each member's attendance over a year (activities held so far): invited, present, excused. Searchable by name. */
export async function listMemberAttendance(ctx: Ctx, q: AttendanceQuery): Promise<Page<MemberAttendanceRow>> {
  if (!canRead(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = AttendanceSort.orderBy(selectCounts(grouped(ctx, q, under)), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<MemberAttendanceRow[]>;
  const count = read(ctx)
    .selectFrom(selectCounts(grouped(ctx, q, under)).as('g'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count);
}

/** The same table (up to 20,000 members) as xlsx. */
export async function exportMemberAttendanceXlsx(ctx: Ctx, q: AttendanceQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!canRead(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await AttendanceSort.orderBy(selectCounts(grouped(ctx, q, under)), q).limit(20_000).execute()) as MemberAttendanceRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${q.year}年党员参加活动情况`);
  sheet.columns = [
    { header: '姓名', width: 12 },
    { header: '类别', width: 10 },
    { header: '应参加', width: 8 },
    { header: '出席', width: 8 },
    { header: '请假', width: 8 },
    { header: '缺席', width: 8 },
    { header: '出席率', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([r.personName, r.membership === 'local' ? '社区党员' : '在职党员', r.invited, r.present, r.excused, r.invited - r.present - r.excused, r.invited ? `${Math.round((r.present / r.invited) * 100)}%` : '—']);
  return { fileName: `党员参加活动情况-${q.year}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
