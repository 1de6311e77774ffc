import ExcelJS from 'exceljs';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import type { CommitteeRatingsQuery } from '../supervision.committees.schemas.ts';
import { read } from '../supervision.db.ts';
import { SupervisionErrors } from '../supervision.errors.ts';
import { holdsAnywhere, placeFilter } from '../supervision.policy.ts';
import { sql } from 'kysely';
import { seesCommitteesAt } from './committee-access.ts';

/** The 红色业委会 ranking sorts by score, stars, year, committee or compound. */
export const CommitteeRatingsSort = sortable(
  { score: 'r.score_centi', stars: 'r.stars', period: 'r.period', committee: 'r.committee_name', compound: 'c.name' },
  { sort: 'score', order: 'desc' },
  'r.id',
);

export interface CommitteeRatingRow {
  id: string;
  committeeId: string;
  committeeName: string;
  compoundId: string;
  compoundName: string;
  period: string;
  scoreCenti: number;
  stars: number;
  raterName: string;
  submittedAt: Date;
}

const canList = (ctx: Ctx) => holdsAnywhere(ctx.actor, 'committeesRead') || holdsAnywhere(ctx.actor, 'committeesRate');

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !(seesCommitteesAt(ctx.actor, place.path) || ctx.actor.grants.some((g) => g.placePath.startsWith(place.path)))) throw SupervisionErrors.PLACE_NOT_FOUND();
  return place.path;
}

function filtered(ctx: Ctx, q: CommitteeRatingsQuery, under: string | undefined) {
  return read(ctx)
    .selectFrom('sup_committee_ratings as r')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.compound_id'))
    .select([
      'r.id',
      'r.committee_id as committeeId',
      'r.committee_name as committeeName',
      'r.compound_id as compoundId',
      'c.name as compoundName',
      'r.period',
      sql<number>`r.score_centi`.as('scoreCenti'),
      sql<number>`r.stars`.as('stars'),
      'r.rater_name as raterName',
      sql<Date>`r.submitted_at`.as('submittedAt'),
    ])
    .where('r.status', '=', 'submitted')
    .where((eb) => eb.or([placeFilter(ctx.actor, 'committeesRead', 'r.compound_id', 'c.path'), placeFilter(ctx.actor, 'committeesRate', 'r.compound_id', 'c.path')]))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .$if(!!q.period, (s) => s.where('r.period', '=', q.period!))
    .$if(!!q.stars, (s) => s.where('r.stars', '=', q.stars!))
    .$if(!!q.q, (s) => {
      const like = `%${q.q!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return s.where((eb) => eb.or([eb('r.committee_name', 'ilike', like), eb('c.name', 'ilike', like)]));
    });
}

/** The 红色业委会 ranking: submitted ratings in the actor's places (a member: their own committee's), searchable. */
export async function listCommitteeRatings(ctx: Ctx, q: CommitteeRatingsQuery): Promise<Page<CommitteeRatingRow>> {
  if (!canList(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = CommitteeRatingsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<CommitteeRatingRow>>;
}

const score = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

/** The same ranking (all pages, up to 20,000 rows) as xlsx. */
export async function exportCommitteeRatingsXlsx(ctx: Ctx, q: CommitteeRatingsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!canList(ctx)) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = await CommitteeRatingsSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('红色业委会');
  sheet.columns = [
    { header: '年度', width: 8 },
    { header: '业委会', width: 24 },
    { header: '小区', width: 18 },
    { header: '星级', width: 8 },
    { header: '得分', width: 8 },
    { header: '评定人', width: 10 },
    { header: '提交日期', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.period, r.committeeName, r.compoundName, '★'.repeat(r.stars), score(r.scoreCenti), r.raterName, chinaDay(r.submittedAt)]);
  return { fileName: `红色业委会-${q.period ?? '全部'}-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
