import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { read } from '../party.db.ts';
import type { ProjectsQuery } from '../party.reporting.schemas.ts';
import { projectsFilter } from './projects-access.ts';
import { communityAt, holdsAnywhere, liaisonOrgs, yearOf } from './reporting-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** Projects sort by when listed (newest first), title, community or status. */
export const ProjectsSort = sortable({ createdAt: 'p.created_at', title: 'p.title', community: 'c.name', status: 'p.status' }, { sort: 'createdAt', order: 'desc' }, 'p.id');

function filtered(ctx: Ctx, q: ProjectsQuery, orgIds: string[], communityPath: string | undefined, year: number) {
  return read(ctx)
    .selectFrom('pty_projects as p')
    .innerJoin('street_places as c', (j) => j.onRef('c.street_id', '=', 'p.street_id').onRef('c.id', '=', 'p.community_id'))
    .innerJoin('street_places as pl', (j) => j.onRef('pl.street_id', '=', 'p.street_id').onRef('pl.id', '=', 'p.place_id'))
    .select([
      'p.id',
      'p.community_id as communityId',
      'c.name as communityName',
      'p.place_id as placeId',
      'pl.name as placeName',
      'p.title',
      'p.description',
      'p.status',
      'p.created_at as createdAt',
      sql<number>`(select count(*)::int from pty_posts t where t.street_id = p.street_id and t.project_id = p.id)`.as('posts'),
      sql<number>`(select coalesce(sum(t.slots), 0)::int from pty_posts t where t.street_id = p.street_id and t.project_id = p.id and t.status = 'open')`.as('slots'),
      sql<number>`(select count(*)::int from pty_member_claims mc where mc.street_id = p.street_id and mc.project_id = p.id and mc.year = ${year} and mc.status = 'active')`.as('memberClaims'),
      sql<string[]>`array(select oc.organisation_id::text from pty_org_claims oc where oc.street_id = p.street_id and oc.project_id = p.id and oc.year = ${year})`.as('claimedBy'),
    ])
    .where(projectsFilter(ctx.actor, 'c.path', 'p.community_id', orgIds))
    .$if(!!communityPath, (x) => x.where('c.path', 'like', `${communityPath}%`))
    .$if(!!q.status, (x) => x.where('p.status', '=', q.status!))
    .$if(!!q.q, (x) => x.where((eb) => eb.or([eb('p.title', 'ilike', containing(q.q!)), eb('p.description', 'ilike', containing(q.q!))])));
}

export interface ProjectListRow {
  id: string;
  communityId: string;
  communityName: string;
  placeId: string;
  placeName: string;
  title: string;
  description: string;
  status: 'open' | 'closed';
  createdAt: Date;
  posts: number;
  slots: number;
  memberClaims: number;
  /** How many organisations claimed it this year. */
  orgClaims: number;
  /** A liaison: whether one of its organisations claimed it this year. */
  claimedByMine: boolean;
}

async function scope(ctx: Ctx, q: ProjectsQuery) {
  if (!holdsAnywhere(ctx.actor, 'reportingRead')) throw CommonErrors.FORBIDDEN();
  const orgIds = (await liaisonOrgs(read(ctx), ctx)).map((o) => o.id);
  const community = q.communityId ? await communityAt(read(ctx), ctx, q.communityId) : undefined;
  return { orgIds, path: community?.path, year: yearOf(chinaDay(ctx.kernel.clock.now())) };
}

/** 服务项目: the communities' service projects (a liaison: those of the communities its organisations reported to, confirmed). */
export async function listProjects(ctx: Ctx, q: ProjectsQuery): Promise<Page<ProjectListRow> & { year: number }> {
  const { orgIds, path, year } = await scope(ctx, q);
  const items = ProjectsSort.orderBy(filtered(ctx, q, orgIds, path, year), q)
    .limit(q.pageSize)
    .offset(offsetOf(q))
    .execute()
    .then((rows) => rows.map(({ claimedBy, ...r }) => ({ ...r, orgClaims: claimedBy.length, claimedByMine: claimedBy.some((id) => orgIds.includes(id)) })));
  const count = filtered(ctx, q, orgIds, path, year)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ...(await paginate(q, items, count)), year };
}

/** The same table (all pages, up to 20,000 rows) as xlsx. */
export async function exportProjectsXlsx(ctx: Ctx, q: ProjectsQuery): Promise<{ fileName: string; content: Buffer }> {
  const { orgIds, path, year } = await scope(ctx, q);
  const rows = await ProjectsSort.orderBy(filtered(ctx, q, orgIds, path, year), q).limit(20_000).execute();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('服务项目');
  sheet.columns = [
    { header: '项目', width: 24 },
    { header: '社区', width: 14 },
    { header: '服务地点', width: 16 },
    { header: '状态', width: 8 },
    { header: '岗位数', width: 8 },
    { header: '开放名额', width: 10 },
    { header: `${year}年党员认领`, width: 14 },
    { header: `${year}年单位认领`, width: 14 },
    { header: '发布日期', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.title, r.communityName, r.placeName, r.status === 'open' ? '进行中' : '已结束', r.posts, r.slots, r.memberClaims, r.claimedBy.length, chinaDay(r.createdAt)]);
  }
  return { fileName: `服务项目-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
