import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { maskName } from '../../../kernel/pii/pii.ts';
import { type Page, paginate, offsetOf, sortable } from '../../../kernel/pagination.ts';
import { organisationNames, personNames } from '../../registry/index.ts';
import { read } from '../fees.db.ts';
import { placeFilter } from '../fees.policy.ts';
import type { RatingsQuery } from '../fees.ratings.schemas.ts';
import { seesFullNames } from './arrears-scope.ts';
import { readablePlacePath } from './place-scope.ts';

export const RatingsSort = sortable(
  { ratedAt: 'r.rated_at', period: 'r.period', total: sql`(r.cleaning + r.security + r.repairs + r.greenery + r.attitude)` },
  { sort: 'ratedAt', order: 'desc' },
  'r.id',
);

function filtered(ctx: Ctx, q: RatingsQuery, underPath: string | undefined) {
  return read(ctx)
    .selectFrom('fee_ratings as r')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'r.street_id').onRef('c.id', '=', 'r.compound_id'))
    .select([
      'r.id',
      'r.compound_id as compoundId',
      'c.name as compoundName',
      'c.path as compoundPath',
      'r.company_id as companyId',
      'r.period',
      'r.person_id as personId',
      'r.rooms_label as roomsLabel',
      'r.cleaning',
      'r.security',
      'r.repairs',
      'r.greenery',
      'r.attitude',
      sql<number>`(r.cleaning + r.security + r.repairs + r.greenery + r.attitude)::int`.as('total'),
      'r.comment',
      'r.rated_at as ratedAt',
    ])
    .where(placeFilter(ctx.actor, 'read', 'r.compound_id', 'c.path'))
    .$if(!!underPath, (s) => s.where('c.path', 'like', `${underPath}%`))
    .$if(!!q.from, (s) => s.where('r.period', '>=', q.from!))
    .$if(!!q.to, (s) => s.where('r.period', '<=', q.to!))
    .$if(!!q.q, (s) => s.where('r.comment', 'ilike', `%${q.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
}

type Row = Awaited<ReturnType<ReturnType<typeof filtered>['execute']>>[number];

/**
 * The rows as the actor may see them. The owner's name in full and their rooms only for the street (officials and
 * the platform's admin); the property company's staff and the committee see the name masked and no room — a
 * rating must be free, so the company rated cannot tell which flat gave it a low score.
 */
async function shown(ctx: Ctx, rows: Row[]) {
  const db = read(ctx);
  const [names, companies] = await Promise.all([personNames(db, rows.map((r) => r.personId)), organisationNames(db, rows.map((r) => r.companyId))]);
  return rows.map(({ personId, compoundPath, roomsLabel, ...r }) => {
    const full = seesFullNames(ctx.actor, compoundPath);
    const name = names.get(personId) ?? '';
    return { ...r, companyName: companies.get(r.companyId) ?? '', owner: full ? name : maskName(name), roomsLabel: full ? roomsLabel : null };
  });
}

/** Staff: the owners' ratings of the compounds they read fees of — search the comments, sort, page. */
export async function listRatings(ctx: Ctx, q: RatingsQuery): Promise<Page<Awaited<ReturnType<typeof shown>>[number]>> {
  const underPath = await readablePlacePath(ctx, q.placeId);
  const items = RatingsSort.orderBy(filtered(ctx, q, underPath), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, underPath)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: await shown(ctx, page.items) };
}

/** The same list (all pages, up to 20,000 rows) as xlsx, names masked as on screen. */
export async function exportRatingsXlsx(ctx: Ctx, q: RatingsQuery): Promise<{ fileName: string; content: Buffer }> {
  const underPath = await readablePlacePath(ctx, q.placeId);
  const rows = await shown(ctx, await RatingsSort.orderBy(filtered(ctx, q, underPath), q).limit(20_000).execute());
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('业主评价');
  sheet.columns = [
    { header: '评价月份', width: 10 },
    { header: '小区', width: 16 },
    { header: '物业服务企业', width: 20 },
    { header: '业主', width: 10 },
    { header: '房屋', width: 24 },
    { header: '环境卫生', width: 9 },
    { header: '秩序维护', width: 9 },
    { header: '维修养护', width: 9 },
    { header: '绿化养护', width: 9 },
    { header: '服务态度', width: 9 },
    { header: '总分', width: 7 },
    { header: '意见', width: 40 },
    { header: '评价时间', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.period, r.compoundName, r.companyName, r.owner, r.roomsLabel ?? '', r.cleaning, r.security, r.repairs, r.greenery, r.attitude, r.total, r.comment, chinaDay(r.ratedAt)]);
  }
  return { fileName: `业主评价-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
