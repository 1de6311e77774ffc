import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { findPlace, holdsAny, pathLabel } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { RecordsQuery } from '../grid.collection.schemas.ts';
import { type Executor, read } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';
import type { ComponentKind, RecordKind, RecordStatus, SpotStatus } from '../grid.tables.ts';
import { mayReadRecord, recordsInScope } from './collection-access.ts';

/** The records table sorts by submission, check, kind, status or place. */
export const RecordsSort = sortable(
  { submittedAt: 'r.submitted_at', checkedAt: 'r.checked_at', kind: 'r.kind', status: 'r.status', place: 'p.path' },
  { sort: 'submittedAt', order: 'desc' },
  'r.id',
);

export interface RecordListRow {
  id: string;
  kind: RecordKind;
  status: RecordStatus;
  placeId: string;
  placeLabel: string;
  /** Who or what the record is about: the person, the legal person's name, or the component's kind. */
  subject: string;
  componentKind: ComponentKind | null;
  companyId: string | null;
  companyName: string | null;
  submittedByName: string;
  submittedAt: Date;
  checkedAt: Date | null;
  checkedByName: string | null;
  spotStatus: SpotStatus | null;
  incentiveFen: number | null;
  registryOutcome: 'applied' | 'pending_approval' | null;
}

/** Who may see the records table at all. */
export const holdsRecords = (ctx: Ctx) => holdsAny(ctx.actor, [...GRID_ROLES.collectionRead, ...GRID_ROLES.collectionVerify, ...GRID_ROLES.collectionManage]);

async function underPath(db: Executor, ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(db, placeId);
  if (!place || !(mayReadRecord(ctx.actor, place.path, 'any') || ctx.actor.grants.some((g) => g.placePath.startsWith(place.path)))) throw GridErrors.PLACE_NOT_FOUND();
  return place.path;
}

function rows(db: Executor, ctx: Ctx, q: RecordsQuery, under: string | undefined) {
  return read(db)
    .selectFrom('grid_records as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .select([
      'r.id',
      'r.kind',
      'r.status',
      'r.place_id as placeId',
      pathLabel('p.path', ['compound', 'building', 'unit', 'room']).as('placeLabel'),
      sql<string>`coalesce(r.person_name, r.subject_name, '')`.as('subject'),
      'r.component_kind as componentKind',
      'r.company_id as companyId',
      'r.company_name as companyName',
      'r.submitted_by_name as submittedByName',
      'r.submitted_at as submittedAt',
      'r.checked_at as checkedAt',
      'r.checked_by_name as checkedByName',
      'r.spot_status as spotStatus',
      'r.incentive_fen as incentiveFen',
      'r.registry_outcome as registryOutcome',
    ])
    .where(recordsInScope(ctx.actor, 'p.path', 'r.company_id'))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.kind, (s) => s.where('r.kind', '=', q.kind!))
    .$if(!!q.status, (s) => s.where('r.status', '=', q.status!))
    .$if(!!q.spot, (s) => s.where('r.spot_status', '=', q.spot!))
    .$if(!!q.companyId, (s) => s.where('r.company_id', '=', q.companyId!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) =>
        eb.or([eb('r.person_name', 'ilike', like), eb('r.subject_name', 'ilike', like), eb('r.submitted_by_name', 'ilike', like), eb('r.company_name', 'ilike', like), eb('p.name', 'ilike', like)]),
      );
    });
}

/** 采集记录: the records in the actor's places (property staff: their commissioned work) — search, filters, sort, page. */
export async function listRecords(ctx: Ctx, q: RecordsQuery): Promise<Page<RecordListRow>> {
  if (!holdsRecords(ctx)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const under = await underPath(db, ctx, q.placeId);
  const items = RecordsSort.orderBy(rows(db, ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = rows(db, ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<RecordListRow>>;
}

export const KIND_ZH: Record<RecordKind, string> = { resident_arrival: '新入住人员', resident_departure: '人员迁出', legal_person: '实有法人', component: '实有部件' };
export const STATUS_ZH: Record<RecordStatus, string> = { submitted: '待核实', verified: '已核实', known: '已有记录', wrong: '信息有误' };
export const SPOT_ZH: Record<SpotStatus, string> = { pending: '待抽查', passed: '抽查通过', failed: '抽查未通过' };
export const COMPONENT_ZH: Record<ComponentKind, string> = {
  fire_hydrant: '消火栓',
  camera: '监控探头',
  street_lamp: '路灯',
  manhole_cover: '井盖',
  fitness_equipment: '健身器材',
  ev_charger: '电动车充电桩',
  other: '其他部件',
};
export const shanghaiTime = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');
export const yuan = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));

/** The same table (up to 20,000 rows) as xlsx. */
export async function exportRecordsXlsx(ctx: Ctx, q: RecordsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsRecords(ctx)) throw CommonErrors.FORBIDDEN();
  const db = read(ctx);
  const under = await underPath(db, ctx, q.placeId);
  const list = (await RecordsSort.orderBy(rows(db, ctx, q, under), q).limit(20_000).execute()) as RecordListRow[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('四个实有采集');
  sheet.columns = [
    { header: '类型', width: 12 },
    { header: '地点', width: 30 },
    { header: '对象', width: 18 },
    { header: '状态', width: 10 },
    { header: '采集单位', width: 24 },
    { header: '采集人', width: 12 },
    { header: '提交时间', width: 18 },
    { header: '核实人', width: 12 },
    { header: '核实时间', width: 18 },
    { header: '抽查', width: 12 },
    { header: '激励（元）', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of list) {
    sheet.addRow([
      KIND_ZH[r.kind],
      r.placeLabel,
      r.subject || (r.componentKind ? COMPONENT_ZH[r.componentKind] : ''),
      STATUS_ZH[r.status],
      r.companyName ?? '网格员',
      r.submittedByName,
      shanghaiTime(r.submittedAt),
      r.checkedByName ?? '',
      shanghaiTime(r.checkedAt),
      r.spotStatus ? SPOT_ZH[r.spotStatus] : '',
      yuan(r.incentiveFen),
    ]);
  }
  return { fileName: `四个实有采集-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
