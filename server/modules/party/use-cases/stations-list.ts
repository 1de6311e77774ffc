import ExcelJS from 'exceljs';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { PartyErrors } from '../party.errors.ts';
import { read } from '../party.db.ts';
import { allows, placeFilter } from '../party.policy.ts';
import { hoursText } from '../party.stations.constants.ts';
import type { StationsQuery } from '../party.stations.schemas.ts';
import { holdsAnywhere, seesPlace, type StationRow, stationRows } from './stations-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** The stations list sorts by name, compound, status or last change. */
export const StationsSort = sortable({ name: 's.name', compound: 'c.name', status: 's.status', updatedAt: 's.updated_at' }, { sort: 'compound', order: 'asc' }, 's.id');

export interface StationListRow extends Omit<StationRow, 'compoundPath'> {
  hoursText: string;
  canManage: boolean;
}

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !seesPlace(ctx, place.path)) throw PartyErrors.PLACE_NOT_FOUND();
  return place.path;
}

function filtered(ctx: Ctx, q: StationsQuery, under: string | undefined) {
  return stationRows(read(ctx))
    .where(placeFilter(ctx.actor, 'stationsRead', 's.compound_id', 'c.path'))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .$if(!!q.status, (s) => s.where('s.status', '=', q.status!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('s.name', 'ilike', like), eb('c.name', 'ilike', like), eb('s.address', 'ilike', like)]));
    });
}

const present = (ctx: Ctx, { compoundPath, ...r }: StationRow): StationListRow => ({ ...r, hoursText: hoursText(r.hours), canManage: allows(ctx.actor, 'stationsManage', compoundPath) });

/** 红色驿站 in the actor's places: searchable by name, compound or address; filter by status; sorted; paged. */
export async function listStations(ctx: Ctx, q: StationsQuery): Promise<Page<StationListRow>> {
  if (!holdsAnywhere(ctx, 'stationsRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = StationsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<StationRow[]>;
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map((r) => present(ctx, r)) };
}

/** The same list (all pages, up to 20,000 rows) as xlsx. */
export async function exportStationsXlsx(ctx: Ctx, q: StationsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx, 'stationsRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await StationsSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute()) as StationRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('红色驿站');
  sheet.columns = [
    { header: '驿站名称', width: 22 },
    { header: '小区', width: 16 },
    { header: '地址', width: 30 },
    { header: '开放时间', width: 40 },
    { header: '服务项目', width: 40 },
    { header: '联系电话', width: 16 },
    { header: '状态', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.name, r.compoundName, r.address, hoursText(r.hours), r.services.join('、'), r.phone, r.status === 'open' ? '开放' : '关闭']);
  return { fileName: `红色驿站-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
