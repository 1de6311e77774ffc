import ExcelJS from 'exceljs';
import { pathLabel } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read, type Executor } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { holdsAnywhere, placeFilter } from '../supervision.policy.ts';
import { STAR_TYPE_ZH, type StarType } from '../supervision.stars.constants.ts';
import type { CompoundStarsQuery } from '../supervision.stars.schemas.ts';
import { findPlace } from '../../../kernel/access/index.ts';
import { readsStarsAt, starsScopePath } from './stars-access.ts';

/** The compounds' stars sort by stars (most first), compound, score or since when. */
export const CompoundStarsSort = sortable(
  { stars: 's.stars', compound: 'c.name', score: 's.score_centi', since: 's.confirmed_at' },
  { sort: 'stars', order: 'desc' },
  's.compound_id',
);

/** The star in force at each compound: its latest confirmation. */
export function currentStars(db: Executor) {
  return db
    .selectFrom('sup_compound_stars')
    .selectAll()
    .distinctOn(['street_id', 'compound_id'])
    .orderBy('street_id')
    .orderBy('compound_id')
    .orderBy('confirmed_at', 'desc')
    .orderBy('id', 'desc');
}

function filtered(ctx: Ctx, q: CompoundStarsQuery, under: string | undefined) {
  return read(ctx)
    .selectFrom(currentStars(read(ctx)).as('s'))
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 's.street_id').onRef('c.id', '=', 's.compound_id'))
    .select([
      's.compound_id as id',
      's.compound_id as compoundId',
      'c.name as compoundName',
      pathLabel('c.path', ['community']).as('communityName'),
      's.stars',
      's.type',
      's.score_centi as scoreCenti',
      's.period',
      's.confirmed_at as since',
    ])
    .where(placeFilter(ctx.actor, 'starsRead', 's.compound_id', 'c.path'))
    .$if(!!under, (x) => x.where('c.path', 'like', `${under}%`))
    .$if(!!q.stars, (x) => x.where('s.stars', '=', q.stars!))
    .$if(!!q.q, (x) => x.where('c.name', 'ilike', `%${q.q!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
}

export interface CompoundStarRow {
  id: string;
  compoundId: string;
  compoundName: string;
  communityName: string;
  stars: number;
  type: StarType;
  scoreCenti: number;
  period: string;
  since: Date;
}

/** 小区星级: the star in force at each compound of the actor's places (a company: its compounds). */
export async function listCompoundStars(ctx: Ctx, q: CompoundStarsQuery): Promise<Page<CompoundStarRow>> {
  if (!holdsAnywhere(ctx.actor, 'starsRead')) throw CommonErrors.FORBIDDEN();
  const under = await starsScopePath(ctx, read(ctx), q.placeId);
  const items = CompoundStarsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<CompoundStarRow>>;
}

const score = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** The same table (all pages, up to 20,000 rows) as xlsx. */
export async function exportCompoundStarsXlsx(ctx: Ctx, q: CompoundStarsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'starsRead')) throw CommonErrors.FORBIDDEN();
  const under = await starsScopePath(ctx, read(ctx), q.placeId);
  const rows = await CompoundStarsSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('有礼小区星级');
  sheet.columns = [
    { header: '小区', width: 18 },
    { header: '社区', width: 16 },
    { header: '星级', width: 8 },
    { header: '类型', width: 12 },
    { header: '评估得分', width: 10 },
    { header: '评定季度', width: 10 },
    { header: '确认日期', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.compoundName, r.communityName, r.stars, STAR_TYPE_ZH[r.type], score(r.scoreCenti), r.period, chinaDay(r.since)]);
  return { fileName: `有礼小区星级-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A compound's star history, newest first (every confirmation with its score and quarter). */
export async function compoundStarHistory(ctx: Ctx, compoundId: string) {
  const place = await findPlace(read(ctx), compoundId);
  if (!place || !readsStarsAt(ctx.actor, place.path) || !holdsAnywhere(ctx.actor, 'starsRead')) throw SupervisionErrors.PLACE_NOT_FOUND();
  if (place.kind !== 'compound') throw SupervisionErrors.NOT_A_COMPOUND();
  const items = await read(ctx)
    .selectFrom('sup_compound_stars')
    .select(['id', 'stars', 'type', 'score_centi as scoreCenti', 'period', 'confirmed_at as confirmedAt', 'application_id as applicationId'])
    .where('street_id', '=', place.street_id!)
    .where('compound_id', '=', place.id)
    .orderBy('confirmed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { compoundId: place.id, compoundName: place.name, items };
}
