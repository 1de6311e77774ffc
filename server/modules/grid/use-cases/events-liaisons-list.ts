import ExcelJS from 'exceljs';
import { isSystem, pathInScope, scopePrefixes } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { type Executor, read } from '../grid.db.ts';
import type { LiaisonsQuery } from '../grid.events.schemas.ts';
import { allows } from '../grid.policy.ts';
import type { LiaisonLine } from '../grid.tables.ts';
import { LINE_ZH, readsEvents } from './events-access.ts';

export const LiaisonsSort = sortable({ fromOn: 'l.from_on', compound: 'c.name', line: 'l.line', name: 'l.name' }, { sort: 'fromOn', order: 'desc' }, 'l.id');

export interface LiaisonRow {
  id: string;
  departmentId: string;
  departmentName: string;
  line: LiaisonLine;
  compoundId: string;
  compoundName: string;
  accountId: string;
  name: string;
  phoneMasked: string;
  fromOn: string;
  untilOn: string | null;
  serving: boolean;
  /** Whether the viewer may end it. */
  canEnd: boolean;
}

export const LIAISON_ROLES = [...new Set([...GRID_ROLES.eventsRead, ...GRID_ROLES.liaisonsManage])];

export function liaisonRows(db: Executor) {
  return db
    .selectFrom('grid_liaisons as l')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'l.street_id').onRef('c.id', '=', 'l.compound_id'))
    .select([
      'l.id',
      'l.street_id as streetId',
      'l.department_id as departmentId',
      'l.department_name as departmentName',
      'l.line',
      'l.compound_id as compoundId',
      'c.name as compoundName',
      'c.path as compoundPath',
      'l.account_id as accountId',
      'l.name',
      'l.phone_masked as phoneMasked',
      'l.from_on as fromOn',
      'l.until_on as untilOn',
    ]);
}

function filtered(ctx: Ctx, q: LiaisonsQuery) {
  const today = chinaDay(ctx.kernel.clock.now());
  return liaisonRows(read(ctx))
    .where(pathInScope('c.path', scopePrefixes(ctx.actor, LIAISON_ROLES)))
    .$if(!!q.line, (s) => s.where('l.line', '=', q.line!))
    .$if(!!q.compoundId, (s) => s.where('l.compound_id', '=', q.compoundId!))
    .$if(q.serving === 'true', (s) => s.where((eb) => eb.or([eb('l.until_on', 'is', null), eb('l.until_on', '>=', today)])))
    .$if(q.serving === 'false', (s) => s.where('l.until_on', '<', today))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('l.name', 'ilike', like), eb('l.department_name', 'ilike', like), eb('c.name', 'ilike', like)]));
    });
}

type Raw = Omit<LiaisonRow, 'serving' | 'canEnd'> & { compoundPath: string; streetId: string };
const present = (ctx: Ctx, r: Raw, today: string): LiaisonRow => {
  const { compoundPath, streetId: _s, ...rest } = r;
  return { ...rest, serving: r.untilOn === null || r.untilOn >= today, canEnd: r.untilOn === null && allows(ctx.actor, 'liaisonsManage', compoundPath) };
};

/** 执法进小区: the departments' liaisons of the compounds the actor may see — search, filter by line, compound and serving, sort, page. */
export async function listLiaisons(ctx: Ctx, q: LiaisonsQuery): Promise<Page<LiaisonRow>> {
  if (!isSystem(ctx.actor) && !readsEvents(ctx)) throw CommonErrors.FORBIDDEN();
  const items = LiaisonsSort.orderBy(filtered(ctx, q), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<Raw[]>;
  const count = filtered(ctx, q)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const today = chinaDay(ctx.kernel.clock.now());
  return { ...page, items: page.items.map((r) => present(ctx, r, today)) };
}

/** The same list as xlsx. */
export async function exportLiaisonsXlsx(ctx: Ctx, q: LiaisonsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!isSystem(ctx.actor) && !readsEvents(ctx)) throw CommonErrors.FORBIDDEN();
  const rows = (await LiaisonsSort.orderBy(filtered(ctx, q), q).limit(20_000).execute()) as Raw[];
  const today = chinaDay(ctx.kernel.clock.now());
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('执法进小区联络员');
  sheet.columns = [
    { header: '小区', width: 14 },
    { header: '条线', width: 12 },
    { header: '部门', width: 30 },
    { header: '联络员', width: 10 },
    { header: '电话', width: 14 },
    { header: '起始日期', width: 12 },
    { header: '结束日期', width: 12 },
    { header: '状态', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.compoundName, LINE_ZH[r.line], r.departmentName, r.name, r.phoneMasked, r.fromOn, r.untilOn ?? '', present(ctx, r, today).serving ? '在岗' : '已离任']);
  return { fileName: `执法进小区联络员-${today}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
