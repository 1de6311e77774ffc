import ExcelJS from 'exceljs';
import { findPlace, holdsAny, pathInScope, pathLabel, scopePrefixes } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate } from '../../../kernel/pagination.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { ActualsQuery } from '../grid.collection.schemas.ts';
import { type Executor, read } from '../grid.db.ts';
import { GridErrors } from '../grid.errors.ts';
import type { ComponentCondition, ComponentKind, LegalKind } from '../grid.tables.ts';
import { COMPONENT_ZH, shanghaiTime } from './collection-records-list.ts';

const READERS = GRID_ROLES.collectionRead;

async function under(db: Executor, ctx: Ctx, placeId: string | undefined) {
  if (!holdsAny(ctx.actor, READERS)) throw CommonErrors.FORBIDDEN();
  if (!placeId) return undefined;
  const place = await findPlace(db, placeId);
  if (!place) throw GridErrors.PLACE_NOT_FOUND();
  return place.path;
}

const legalRows = (db: Executor, ctx: Ctx, q: ActualsQuery, path: string | undefined) =>
  read(db)
    .selectFrom('grid_legal_persons as l')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'l.street_id').onRef('p.id', '=', 'l.place_id'))
    .select(['l.id', 'l.name', 'l.credit_code as creditCode', 'l.kind', 'l.contact', 'l.location', 'l.record_id as recordId', 'l.created_at as createdAt', pathLabel('p.path', ['compound', 'building']).as('placeLabel')])
    .where(pathInScope('p.path', scopePrefixes(ctx.actor, READERS)))
    .$if(!!path, (s) => s.where('p.path', 'like', `${path}%`))
    .$if(!!q.kind, (s) => s.where('l.kind', '=', q.kind as LegalKind))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('l.name', 'ilike', containing(q.q!)), eb('l.location', 'ilike', containing(q.q!)), eb('l.credit_code', 'ilike', containing(q.q!))])));

const componentRows = (db: Executor, ctx: Ctx, q: ActualsQuery, path: string | undefined) =>
  read(db)
    .selectFrom('grid_components as c')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'c.street_id').onRef('p.id', '=', 'c.place_id'))
    .select(['c.id', 'c.kind', 'c.location', 'c.condition', 'c.record_id as recordId', 'c.updated_at as updatedAt', pathLabel('p.path', ['compound', 'building']).as('placeLabel')])
    .where(pathInScope('p.path', scopePrefixes(ctx.actor, READERS)))
    .$if(!!path, (s) => s.where('p.path', 'like', `${path}%`))
    .$if(!!q.kind, (s) => s.where('c.kind', '=', q.kind as ComponentKind))
    .$if(!!q.condition, (s) => s.where('c.condition', '=', q.condition as ComponentCondition))
    .$if(!!q.q, (s) => s.where((eb) => eb.or([eb('c.location', 'ilike', containing(q.q!)), eb('p.name', 'ilike', containing(q.q!))])));

/** 实有法人: the legal persons and shops verified records made, in the actor's places. */
export async function listLegalPersons(ctx: Ctx, q: ActualsQuery): Promise<Page<unknown>> {
  const db = read(ctx);
  const path = await under(db, ctx, q.placeId);
  const items = legalRows(db, ctx, q, path).orderBy('l.created_at', 'desc').orderBy('l.id').limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = legalRows(db, ctx, q, path).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return paginate(q, items, count);
}

/** 实有部件: the public components verified records made or updated, with their condition now. */
export async function listComponents(ctx: Ctx, q: ActualsQuery): Promise<Page<unknown>> {
  const db = read(ctx);
  const path = await under(db, ctx, q.placeId);
  const items = componentRows(db, ctx, q, path).orderBy('c.updated_at', 'desc').orderBy('c.id').limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = componentRows(db, ctx, q, path).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return paginate(q, items, count);
}

const LEGAL_ZH: Record<LegalKind, string> = { shop: '商铺', company: '企业', individual_business: '个体工商户', social_org: '社会组织', other: '其他' };
const CONDITION_ZH: Record<ComponentCondition, string> = { good: '完好', damaged: '损坏', missing: '缺失' };

/** Both actuals (up to 20,000 rows each) as one workbook with two sheets. */
export async function exportActualsXlsx(ctx: Ctx, q: ActualsQuery): Promise<{ fileName: string; content: Buffer }> {
  const db = read(ctx);
  const path = await under(db, ctx, q.placeId);
  const wb = new ExcelJS.Workbook();
  const legal = wb.addWorksheet('实有法人');
  legal.columns = [{ header: '名称', width: 24 }, { header: '类型', width: 12 }, { header: '统一社会信用代码', width: 22 }, { header: '地点', width: 24 }, { header: '位置', width: 20 }, { header: '联系人', width: 16 }, { header: '登记时间', width: 18 }];
  legal.getRow(1).font = { bold: true };
  for (const r of await legalRows(db, ctx, { ...q, kind: undefined }, path).orderBy('l.created_at', 'desc').limit(20_000).execute()) {
    legal.addRow([r.name, LEGAL_ZH[r.kind], r.creditCode ?? '', r.placeLabel, r.location, r.contact, shanghaiTime(r.createdAt)]);
  }
  const comps = wb.addWorksheet('实有部件');
  comps.columns = [{ header: '部件', width: 14 }, { header: '地点', width: 24 }, { header: '位置', width: 24 }, { header: '状况', width: 10 }, { header: '更新时间', width: 18 }];
  comps.getRow(1).font = { bold: true };
  for (const r of await componentRows(db, ctx, { ...q, kind: undefined }, path).orderBy('c.updated_at', 'desc').limit(20_000).execute()) {
    comps.addRow([COMPONENT_ZH[r.kind], r.placeLabel, r.location, CONDITION_ZH[r.condition], shanghaiTime(r.updatedAt)]);
  }
  return { fileName: `实有法人和部件-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
