import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../volunteers.db.ts';
import { allows, placeFilter } from '../volunteers.policy.ts';
import { VOLUNTEER_STATUS_ZH } from '../volunteers.registry.constants.ts';
import { type VolunteersQuery, VolunteersSort } from '../volunteers.registry.schemas.ts';
import type { VolunteerStatus } from '../volunteers.tables.ts';
import { seesRegistry, underPath } from './registry-access.ts';

export interface VolunteerListRow {
  id: string;
  personName: string;
  phoneMasked: string;
  placeId: string;
  placeName: string;
  skills: string[];
  availability: string;
  status: VolunteerStatus;
  rejectReason: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
  /** Whether the actor may review this one (volunteersManage at its place). */
  canManage: boolean;
  minutes: number;
  balance: number;
}

function filtered(ctx: Ctx, q: VolunteersQuery, under: string | undefined) {
  return read(ctx)
    .selectFrom('vol_volunteers as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.place_id'))
    .leftJoin('vol_point_accounts as a', (j) => j.onRef('a.street_id', '=', 'v.street_id').onRef('a.person_id', '=', 'v.person_id'))
    .select([
      'v.id',
      'v.person_name as personName',
      'v.phone_masked as phoneMasked',
      'v.place_id as placeId',
      'p.name as placeName',
      'p.path as placePath',
      'v.skills',
      'v.availability',
      'v.status',
      'v.reject_reason as rejectReason',
      'v.created_at as createdAt',
      'v.reviewed_at as reviewedAt',
      sql<number>`coalesce(a.minutes, 0)`.as('minutes'),
      sql<number>`coalesce(a.balance, 0)`.as('balance'),
    ])
    .where((eb) => eb.or([placeFilter(ctx.actor, 'volunteersRead', 'v.place_id', 'p.path'), placeFilter(ctx.actor, 'volunteersManage', 'v.place_id', 'p.path')]))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.status, (s) => s.where('v.status', '=', q.status!))
    .$if(!!q.skill, (s) => s.where(sql<boolean>`${q.skill!} = any(v.skills)`))
    .$if(!!q.q, (s) => s.where('v.person_name', 'ilike', containing(q.q!)));
}

/** The volunteers registered in the actor's places: search by name, filter by status, place and skill, sort, page. */
export async function listVolunteers(ctx: Ctx, q: VolunteersQuery): Promise<Page<VolunteerListRow>> {
  if (!seesRegistry(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(read(ctx), ctx, q.placeId);
  const items = VolunteersSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return {
    ...page,
    items: page.items.map(({ placePath, ...r }) => ({ ...r, minutes: Number(r.minutes), balance: Number(r.balance), canManage: allows(ctx.actor, 'volunteersManage', placePath) })),
  };
}

const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportVolunteersXlsx(ctx: Ctx, q: VolunteersQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!seesRegistry(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(read(ctx), ctx, q.placeId);
  const rows = await VolunteersSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('志愿者');
  sheet.columns = [
    { header: '姓名', width: 12 },
    { header: '电话', width: 14 },
    { header: '注册小区', width: 18 },
    { header: '技能特长', width: 30 },
    { header: '服务时间', width: 24 },
    { header: '状态', width: 8 },
    { header: '驳回原因', width: 20 },
    { header: '服务时长（小时）', width: 14 },
    { header: '积分余额', width: 10 },
    { header: '注册时间', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.personName, r.phoneMasked, r.placeName, r.skills.join('、'), r.availability, VOLUNTEER_STATUS_ZH[r.status], r.rejectReason ?? '', Math.round(Number(r.minutes) / 6) / 10, Number(r.balance), time(r.createdAt)]);
  }
  return { fileName: `志愿者-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
