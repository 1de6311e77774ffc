import ExcelJS from 'exceljs';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { areaText } from '../volunteers.green.constants.ts';
import type { PlotsQuery } from '../volunteers.green.schemas.ts';
import { allows, holdsAnywhere, placeFilter } from '../volunteers.policy.ts';
import { type PlotRow, plotRows, plotStatusSql, seesPlace } from './green-access.ts';

/** The plots list sorts by compound, name, area, status or last change. */
export const PlotsSort = sortable({ compound: ['c.path', 'p.name'], name: 'p.name', area: 'p.area_centi', status: plotStatusSql, updatedAt: 'p.updated_at' }, { sort: 'compound', order: 'asc' }, 'p.id');

export interface PlotListRow extends Omit<PlotRow, 'compoundPath'> {
  areaText: string;
  canManage: boolean;
}

export async function underPath(ctx: Ctx, placeId: string | undefined): Promise<string | undefined> {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !seesPlace(ctx, place.path)) throw VolunteersErrors.PLACE_NOT_FOUND();
  return place.path;
}

function filtered(ctx: Ctx, q: PlotsQuery, under: string | undefined, day: string) {
  return plotRows(read(ctx), day)
    .where(placeFilter(ctx.actor, 'greenRead', 'p.place_id', 'c.path'))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .$if(!!q.status, (s) => s.where(plotStatusSql, '=', q.status!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('c.name', 'ilike', like), eb('p.location', 'ilike', like)]));
    });
}

export const presentPlot = (ctx: Ctx, { compoundPath, ...r }: PlotRow): PlotListRow => ({ ...r, areaText: areaText(r.areaCenti), canManage: allows(ctx.actor, 'greenManage', compoundPath) });

/** The green plots in the actor's places: search by name, compound or location; filter by place and status; sorted; paged. */
export async function listPlots(ctx: Ctx, q: PlotsQuery): Promise<Page<PlotListRow>> {
  if (!holdsAnywhere(ctx.actor, 'greenRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const day = chinaDay(ctx.kernel.clock.now());
  const items = PlotsSort.orderBy(filtered(ctx, q, under, day), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<PlotRow[]>;
  const count = filtered(ctx, q, under, day)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map((r) => presentPlot(ctx, r)) };
}

const STATUS_ZH = { available: '可认养', adopted: '已认养', closed: '已关闭' } as const;

/** The same list (all pages, up to 20,000 rows) as xlsx. */
export async function exportPlotsXlsx(ctx: Ctx, q: PlotsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'greenRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const day = chinaDay(ctx.kernel.clock.now());
  const rows = (await PlotsSort.orderBy(filtered(ctx, q, under, day), q).limit(20_000).execute()) as PlotRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('认栽认养绿地');
  sheet.columns = [
    { header: '小区', width: 16 },
    { header: '绿地名称', width: 22 },
    { header: '面积（㎡）', width: 12 },
    { header: '位置', width: 24 },
    { header: '状态', width: 10 },
    { header: '认养人', width: 12 },
    { header: '认养期限', width: 26 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.compoundName, r.name, Number(areaText(r.areaCenti)), r.location, STATUS_ZH[r.status], r.adopterName ?? '', r.adoptedFrom ? `${r.adoptedFrom} 至 ${r.adoptedTo}` : '']);
  }
  return { fileName: `认栽认养绿地-${day}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
