import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, nullsLast, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { AssessmentPeriodStatus, Colour } from '../supervision.assessment.constants.ts';
import type { AssessmentsQuery } from '../supervision.assessment.schemas.ts';
import { read } from '../supervision.db.ts';
import { holdsAnywhere, placeFilter } from '../supervision.policy.ts';
import { scopePath } from './assessment-scope.ts';

/** The compounds table sorts by score (unscored last), compound, company or rooms. */
export const AssessmentsSort = sortable(
  { score: nullsLast('a.score_centi'), compound: 'c.name', company: 'a.company_name', rooms: 'a.rooms' },
  { sort: 'score', order: 'desc' },
  'a.compound_id',
);

const COLOUR_ZH: Record<Colour, string> = { green: '绿色', blue: '蓝色', yellow: '黄色', red: '红色' };

function filtered(ctx: Ctx, q: AssessmentsQuery, under: string | undefined) {
  return read(ctx)
    .selectFrom('sup_assessments as a')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'a.street_id').onRef('c.id', '=', 'a.compound_id'))
    .innerJoin('sup_assessment_periods as ap', (j) => j.onRef('ap.street_id', '=', 'a.street_id').onRef('ap.period', '=', 'a.period'))
    .select([
      'a.compound_id as id',
      'a.compound_id as compoundId',
      'c.name as compoundName',
      'a.street_id as streetId',
      'a.period',
      'a.company_id as companyId',
      'a.company_name as companyName',
      'a.rooms',
      'a.score_centi as scoreCenti',
      'a.colour',
      'a.partial',
      'ap.status',
      'a.computed_at as computedAt',
    ])
    .where('a.period', '=', q.period)
    .where(placeFilter(ctx.actor, 'assessmentRead', 'a.compound_id', 'c.path'))
    .$if(!!under, (s) => s.where('c.path', 'like', `${under}%`))
    .$if(!!q.companyId, (s) => s.where('a.company_id', '=', q.companyId!))
    .$if(q.colour === 'none', (s) => s.where('a.colour', 'is', null))
    .$if(!!q.colour && q.colour !== 'none', (s) => s.where('a.colour', '=', q.colour as Colour))
    .$if(!!q.q, (s) => {
      const like = `%${q.q!.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return s.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('a.company_name', 'ilike', like)]));
    });
}

export interface AssessmentRow {
  /** The compound's id (one row per compound and period). */
  id: string;
  compoundId: string;
  compoundName: string;
  streetId: string;
  period: string;
  companyId: string;
  companyName: string;
  rooms: number;
  scoreCenti: number | null;
  colour: Colour | null;
  partial: boolean;
  status: AssessmentPeriodStatus;
  computedAt: Date;
}

/** Officials: the compounds of their places; a company: the compounds it serves (its grants). Residents: 403. */
export async function listAssessments(ctx: Ctx, q: AssessmentsQuery): Promise<Page<AssessmentRow>> {
  if (!holdsAnywhere(ctx.actor, 'assessmentRead')) throw CommonErrors.FORBIDDEN();
  const under = await scopePath(ctx, q.placeId);
  const items = AssessmentsSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, items, count) as Promise<Page<AssessmentRow>>;
}

const score = (c: number | null) => (c === null ? '' : `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);

/** The same table (all pages, up to 20,000 rows) as xlsx. */
export async function exportAssessmentsXlsx(ctx: Ctx, q: AssessmentsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'assessmentRead')) throw CommonErrors.FORBIDDEN();
  const under = await scopePath(ctx, q.placeId);
  const rows = await AssessmentsSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('四色考评');
  sheet.columns = [
    { header: '考评周期', width: 10 },
    { header: '小区', width: 18 },
    { header: '物业服务企业', width: 22 },
    { header: '房屋数', width: 8 },
    { header: '得分', width: 8 },
    { header: '颜色', width: 8 },
    { header: '部分输入缺失', width: 12 },
    { header: '状态', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  const status = { draft: '草稿', pending: '待审批', published: '已公布' } as const;
  for (const r of rows) {
    sheet.addRow([r.period, r.compoundName, r.companyName, r.rooms, score(r.scoreCenti), r.colour ? COLOUR_ZH[r.colour] : '无得分', r.partial ? '是' : '否', status[r.status]]);
  }
  return { fileName: `四色考评-${q.period}-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** One compound's row of a period with its breakdown and the period's settings, if the actor sees it. */
export const visibleAssessment = (ctx: Ctx, period: string, compoundId: string) =>
  filtered(ctx, { period, page: 1, pageSize: 1, sort: 'score', order: 'desc' }, undefined)
    .where('a.compound_id', '=', compoundId)
    .select([sql<unknown>`a.breakdown`.as('breakdown'), sql<unknown>`ap.settings`.as('settings'), 'ap.published_at as publishedAt'])
    .executeTakeFirst();
