import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../volunteers.db.ts';
import { areaText } from '../volunteers.green.constants.ts';
import type { AdoptionsQuery } from '../volunteers.green.schemas.ts';
import { allows, holdsAnywhere, placeFilter } from '../volunteers.policy.ts';
import { type AdoptionRow, adoptionRows } from './green-access.ts';
import { underPath } from './green-plots-list.ts';

/** The adoptions list sorts by when applied, compound, plot, adopter, start or status. */
export const AdoptionsSort = sortable(
  { createdAt: 'a.created_at', compound: ['c.path', 'p.name'], plot: 'p.name', person: 'a.person_name', fromDay: 'a.from_day', status: 'a.status' },
  { sort: 'createdAt', order: 'desc' },
  'a.id',
);

export interface AdoptionListRow extends Omit<AdoptionRow, 'compoundPath' | 'accountId'> {
  areaText: string;
  canManage: boolean;
}

function filtered(ctx: Ctx, q: AdoptionsQuery, under: string | undefined) {
  return adoptionRows(read(ctx))
    .where(placeFilter(ctx.actor, 'greenRead', 'a.place_id', 'c.path'))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .$if(!!q.plotId, (s) => s.where('a.plot_id', '=', q.plotId!))
    .$if(!!q.status, (s) => s.where('a.status', '=', q.status!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('c.name', 'ilike', like), eb('a.person_name', 'ilike', like), eb('a.room_label', 'ilike', like)]));
    });
}

const present = (ctx: Ctx, { compoundPath, accountId: _a, ...r }: AdoptionRow): AdoptionListRow => ({ ...r, areaText: areaText(r.areaCenti), canManage: allows(ctx.actor, 'greenManage', compoundPath) });

/** Adoptions and applications in the actor's places: filter by place, plot and status; search; sorted; paged. */
export async function listAdoptions(ctx: Ctx, q: AdoptionsQuery): Promise<Page<AdoptionListRow>> {
  if (!holdsAnywhere(ctx.actor, 'greenRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = AdoptionsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<AdoptionRow[]>;
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map((r) => present(ctx, r)) };
}

/** How many applications wait for a decision the actor may make (the workbench to-do). */
export async function pendingAdoptionsCount(ctx: Ctx): Promise<number> {
  if (!holdsAnywhere(ctx.actor, 'greenManage')) return 0;
  const row = await adoptionRows(read(ctx))
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(placeFilter(ctx.actor, 'greenManage', 'a.place_id', 'c.path'))
    .where('a.status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const STATUS_ZH = { pending: '待审核', active: '认养中', rejected: '未通过', withdrawn: '已撤回', ended: '已结束' } as const;

/** The same list (all pages, up to 20,000 rows) as xlsx. */
export async function exportAdoptionsXlsx(ctx: Ctx, q: AdoptionsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'greenRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await AdoptionsSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute()) as AdoptionRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('认养记录');
  sheet.columns = [
    { header: '小区', width: 16 },
    { header: '绿地', width: 22 },
    { header: '面积（㎡）', width: 12 },
    { header: '认养人', width: 12 },
    { header: '房屋', width: 18 },
    { header: '开始日期', width: 12 },
    { header: '结束日期', width: 12 },
    { header: '状态', width: 10 },
    { header: '说明', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.compoundName, r.plotName, Number(areaText(r.areaCenti)), r.personName, r.roomLabel ?? '', r.fromDay, r.endedOn ?? r.toDay, STATUS_ZH[r.status], r.rejectReason ?? r.endReason ?? r.note]);
  }
  return { fileName: `认养记录-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
