import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { findPlace } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import type { ModerationQuery } from '../volunteers.boards.schemas.ts';
import { read } from '../volunteers.db.ts';
import { VolunteersErrors } from '../volunteers.errors.ts';
import { allows, holdsAnywhere, placeFilter } from '../volunteers.policy.ts';
import type { ListingKind, ListingStatus } from '../volunteers.tables.ts';

const openReports = sql<number>`(select count(*)::int from vol_listing_reports r where r.street_id = l.street_id and r.listing_id = l.id and r.status = 'open')`;
const allReports = sql<number>`(select count(*)::int from vol_listing_reports r where r.street_id = l.street_id and r.listing_id = l.id)`;
const lastReason = sql<string | null>`(select r.reason from vol_listing_reports r where r.street_id = l.street_id and r.listing_id = l.id and r.status = 'open' order by r.created_at desc, r.id desc limit 1)`;

/** The moderation queue sorts by posting time, open reports, title, kind or compound. */
export const ModerationSort = sortable(
  { createdAt: 'l.created_at', openReports: openReports, title: 'l.title', kind: 'l.kind', compound: ['p.name', 'p.path'] },
  { sort: 'createdAt', order: 'desc' },
  'l.id',
);

export interface ModerationRow {
  id: string;
  kind: ListingKind;
  title: string;
  body: string;
  compoundName: string;
  ownerName: string;
  status: ListingStatus;
  hidden: boolean;
  hiddenReason: string | null;
  hiddenAt: Date | null;
  openReports: number;
  reports: number;
  lastReason: string | null;
  createdAt: Date;
  canModerate: boolean;
}

async function underPath(ctx: Ctx, placeId: string | undefined) {
  if (!placeId) return undefined;
  const place = await findPlace(read(ctx), placeId);
  if (!place || !(ctx.actor.grants.some((g) => place.path.startsWith(g.placePath) || g.placePath.startsWith(place.path)))) throw VolunteersErrors.PLACE_NOT_FOUND();
  return place.path;
}

function filtered(ctx: Ctx, q: ModerationQuery, under: string | undefined) {
  return read(ctx)
    .selectFrom('vol_listings as l')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'l.street_id').onRef('p.id', '=', 'l.place_id'))
    .select([
      'l.id',
      'l.kind',
      'l.title',
      'l.body',
      'p.name as compoundName',
      'p.path as placePath',
      'l.owner_name as ownerName',
      'l.status',
      'l.hidden_reason as hiddenReason',
      'l.hidden_at as hiddenAt',
      openReports.as('openReports'),
      allReports.as('reports'),
      lastReason.as('lastReason'),
      'l.created_at as createdAt',
    ])
    .where(placeFilter(ctx.actor, 'boardsRead', 'l.place_id', 'p.path'))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.kind, (s) => s.where('l.kind', '=', q.kind!))
    .$if(q.state === 'hidden', (s) => s.where('l.hidden_at', 'is not', null))
    .$if(q.state === 'visible', (s) => s.where('l.hidden_at', 'is', null))
    .$if(q.state === 'reported', (s) => s.where('l.hidden_at', 'is', null).where(sql<boolean>`${openReports} > 0`))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('l.title', 'ilike', like), eb('l.body', 'ilike', like), eb('l.owner_name', 'ilike', like), eb('p.name', 'ilike', like)]));
    });
}

type Raw = Omit<ModerationRow, 'hidden' | 'canModerate'> & { placePath: string };

/**
 * The moderation queue: every listing of the compounds in the actor's places (hidden ones too) with its open
 * reports — filter to the reported, the visible or the hidden, by kind; search; sort; page.
 */
export async function listModeration(ctx: Ctx, q: ModerationQuery): Promise<Page<ModerationRow>> {
  if (!holdsAnywhere(ctx.actor, 'boardsRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const items = ModerationSort.orderBy(filtered(ctx, q, under), q).limit(q.pageSize).offset(offsetOf(q)).execute() as Promise<Raw[]>;
  const count = filtered(ctx, q, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: page.items.map((r) => present(ctx, r)) };
}

function present(ctx: Ctx, r: Raw): ModerationRow {
  const { placePath, ...rest } = r;
  return { ...rest, openReports: Number(r.openReports), reports: Number(r.reports), hidden: r.hiddenAt !== null, canModerate: allows(ctx.actor, 'boardsModerate', placePath) };
}

const KIND_ZH: Record<ListingKind, string> = { carpool: '拼车', secondhand: '二手', tool: '工具', book: '图书' };
const STATUS_ZH: Record<ListingStatus, string> = { open: '进行中', reserved: '已预留', given: '已送出', lent: '借出中', full: '已满', closed: '已关闭' };
const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same queue (up to 20,000 rows) as xlsx. */
export async function exportModerationXlsx(ctx: Ctx, q: ModerationQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'boardsRead')) throw CommonErrors.FORBIDDEN();
  const under = await underPath(ctx, q.placeId);
  const rows = (await ModerationSort.orderBy(filtered(ctx, q, under), q).limit(20_000).execute()) as Raw[];
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('内容审核');
  sheet.columns = [
    { header: '标题', width: 28 },
    { header: '类别', width: 8 },
    { header: '小区', width: 16 },
    { header: '发布人', width: 10 },
    { header: '发布时间', width: 18 },
    { header: '状态', width: 10 },
    { header: '待处理举报', width: 10 },
    { header: '举报总数', width: 10 },
    { header: '最新举报理由', width: 28 },
    { header: '是否隐藏', width: 8 },
    { header: '隐藏原因', width: 28 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.title, KIND_ZH[r.kind], r.compoundName, r.ownerName, time(r.createdAt), STATUS_ZH[r.status], Number(r.openReports), Number(r.reports), r.lastReason ?? '', r.hiddenAt ? '是' : '否', r.hiddenReason ?? '']);
  }
  return { fileName: `内容审核-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
