import ExcelJS from 'exceljs';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { nullsLast, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { organisationNames } from '../../registry/index.ts';
import { read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { allows } from '../supervision.policy.ts';
import type { InspectionsQuery } from '../supervision.sheets.schemas.ts';
import { inspectionsFilter } from './inspection-access.ts';

export const InspectionsSort = sortable(
  { startedAt: 'i.started_at', period: 'i.period', place: ['c.name', 'c.path'], score: nullsLast('i.score_centi'), inspector: 'i.inspector_name' },
  { sort: 'startedAt', order: 'desc' },
  'i.id',
);

function filtered(ctx: Ctx, q: InspectionsQuery, underPath: string | undefined) {
  return read(ctx)
    .selectFrom('sup_inspections as i')
    .innerJoin('places as c', 'c.id', 'i.place_id')
    .innerJoin('sup_sheets as s', (j) => j.onRef('s.street_id', '=', 'i.street_id').onRef('s.id', '=', 'i.sheet_id'))
    .select([
      'i.id',
      'i.place_id as compoundId',
      'c.name as compoundName',
      'i.company_id as companyId',
      'i.sheet_id as sheetId',
      's.name as sheetName',
      's.version as sheetVersion',
      's.kind as sheetKind',
      'i.period',
      'i.inspector_name as inspectorName',
      'i.status',
      'i.score_centi as scoreCenti',
      'i.started_at as startedAt',
      'i.submitted_at as submittedAt',
    ])
    .where(inspectionsFilter(ctx.actor, 'c.path'))
    .$if(!!underPath, (s) => s.where('c.path', 'like', `${underPath}%`))
    .$if(!!q.period, (s) => s.where('i.period', '=', q.period!))
    .$if(!!q.status, (s) => s.where('i.status', '=', q.status!))
    .$if(!!q.sheetId, (s) => s.where('i.sheet_id', '=', q.sheetId!))
    .$if(!!q.q, (s) => {
      const like = `%${q.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return s.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('i.inspector_name', 'ilike', like), eb('i.note', 'ilike', like)]));
    });
}

async function placePath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !allows(ctx.actor, 'inspectionsRead', place.path)) {
    // A place above the actor's grants (the street, for a community's secretary) narrows to what they see there.
    if (place && ctx.actor.grants.some((g) => g.placePath.startsWith(place.path))) return place.path;
    throw SupervisionErrors.PLACE_NOT_FOUND();
  }
  return place.path;
}

async function withCompanies(ctx: Ctx, rows: Awaited<ReturnType<ReturnType<typeof filtered>['execute']>>) {
  const names = await organisationNames(read(ctx), rows.map((r) => r.companyId).filter((x): x is string => !!x));
  return rows.map((r) => ({ ...r, companyName: r.companyId ? (names.get(r.companyId) ?? '') : '' }));
}

/** The inspections the actor sees (drafts only to inspectors): search compound, inspector or note; sort; page. */
export async function listInspections(ctx: Ctx, q: InspectionsQuery) {
  const underPath = await placePath(ctx, q.placeId);
  const items = InspectionsSort.orderBy(filtered(ctx, q, underPath), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, underPath)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: await withCompanies(ctx, page.items) };
}

const score = (c: number | null) => (c === null ? '' : (c / 100).toFixed(2));

/** The same list (up to 20,000 rows) as xlsx. */
export async function exportInspectionsXlsx(ctx: Ctx, q: InspectionsQuery): Promise<{ fileName: string; content: Buffer }> {
  const underPath = await placePath(ctx, q.placeId);
  const rows = await withCompanies(ctx, await InspectionsSort.orderBy(filtered(ctx, q, underPath), q).limit(20_000).execute());
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('检查记录');
  sheet.columns = [
    { header: '考评周期', width: 10 },
    { header: '小区', width: 16 },
    { header: '物业服务企业', width: 22 },
    { header: '考评标准', width: 28 },
    { header: '版本', width: 6 },
    { header: '检查人', width: 12 },
    { header: '状态', width: 8 },
    { header: '得分', width: 8 },
    { header: '开始时间', width: 12 },
    { header: '提交时间', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.period, r.compoundName, r.companyName, r.sheetName, r.sheetVersion, r.inspectorName, r.status === 'submitted' ? '已提交' : '草稿', score(r.scoreCenti), chinaDay(r.startedAt), r.submittedAt ? chinaDay(r.submittedAt) : '']);
  }
  return { fileName: `检查记录-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
