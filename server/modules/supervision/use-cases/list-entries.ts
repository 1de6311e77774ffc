import ExcelJS from 'exceljs';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read } from '../supervision.db.ts';
import { type EntriesQuery, EntriesSort } from '../supervision.lists.schemas.ts';
import { type CompanyScope, companyScope } from './list-access.ts';

/** The SQL filter of the rows the scopes allow: a street's every company, or the companies listed for it. */
export function scopeFilter(scopes: CompanyScope[], streetRef: string, companyRef: string): Expression<SqlBool> {
  if (scopes.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(
    scopes.map((s) =>
      s.all
        ? sql`${sql.ref(streetRef)} = ${s.streetId}`
        : s.companyIds.length
          ? sql`(${sql.ref(streetRef)} = ${s.streetId} and ${sql.ref(companyRef)} in (${sql.join(s.companyIds)}))`
          : sql`false`,
    ),
    sql` or `,
  )})`;
}

async function filtered(ctx: Ctx, q: Omit<EntriesQuery, 'page' | 'pageSize'>) {
  const scopes = await companyScope(read(ctx), ctx.actor, q.streetId);
  const like = `%${(q.q ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return read(ctx)
    .selectFrom('sup_list_entries as e')
    .innerJoin('sup_list_publications as p', (j) => j.onRef('p.street_id', '=', 'e.street_id').onRef('p.id', '=', 'e.publication_id'))
    .innerJoin('street_places as s', (j) => j.onRef('s.street_id', '=', 'e.street_id').onRef('s.id', '=', 'e.street_id'))
    .leftJoin('sup_list_appeals as a', (j) => j.onRef('a.street_id', '=', 'e.street_id').onRef('a.entry_id', '=', 'e.id'))
    .where(scopeFilter(scopes, 'e.street_id', 'e.company_id'))
    .$if(!!q.period, (s) => s.where('p.period', '=', q.period!))
    .$if(!!q.list, (s) => s.where('e.list', '=', q.list!))
    .$if(!!q.q, (s) => s.where('e.company_name', 'like', like));
}

const columns = [
  'e.id',
  'e.publication_id as publicationId',
  'e.street_id as streetId',
  's.name as streetName',
  'p.period',
  'p.as_of as asOf',
  'p.published_at as publishedAt',
  'e.company_id as companyId',
  'e.company_name as companyName',
  'e.list',
  'e.grade',
  'e.score_centi as scoreCenti',
  'e.basis',
  'e.appeal_until as appealUntil',
  'e.removed_at as removedAt',
  'a.id as appealId',
  'a.status as appealStatus',
  sql<number>`(select count(*)::int from sup_list_measures m where m.street_id = e.street_id and m.entry_id = e.id)`.as('measures'),
] as const;

/**
 * The red and black list entries the actor sees (an official of the street: all; a company: its own), of one
 * street and quarter or all, with each black entry's appeal state and number of measures — filtered, sorted, paged.
 */
export async function listEntries(ctx: Ctx, q: EntriesQuery) {
  const base = await filtered(ctx, q);
  return paginate(q, EntriesSort.orderBy(base.select(columns), q).limit(q.pageSize).offset(offsetOf(q)).execute(), base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow());
}

const LIST_LABEL = { red: '红榜', black: '黑榜' } as const;
const APPEAL_LABEL = { pending: '待决定', upheld: '申诉成立（已移出）', rejected: '申诉驳回' } as const;

/** The same entries as xlsx (no paging). */
export async function exportEntriesXlsx(ctx: Ctx, q: EntriesQuery) {
  const rows = await EntriesSort.orderBy((await filtered(ctx, q)).select(columns), q).limit(5000).execute();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('红黑榜');
  ws.columns = [
    { header: '街道', key: 'street', width: 14 },
    { header: '季度', key: 'period', width: 10 },
    { header: '榜单', key: 'list', width: 8 },
    { header: '物业服务企业', key: 'company', width: 28 },
    { header: '信用等级', key: 'grade', width: 10 },
    { header: '信用分', key: 'score', width: 10 },
    { header: '依据', key: 'basis', width: 60 },
    { header: '申诉', key: 'appeal', width: 18 },
    { header: '措施数', key: 'measures', width: 8 },
  ];
  for (const r of rows) {
    ws.addRow({
      street: r.streetName,
      period: r.period,
      list: LIST_LABEL[r.list],
      company: r.companyName,
      grade: r.grade,
      score: (r.scoreCenti / 100).toFixed(2),
      basis: r.basis,
      appeal: r.appealStatus ? APPEAL_LABEL[r.appealStatus] : '',
      measures: r.measures,
    });
  }
  return { fileName: `红黑榜${q.period ?? ''}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
