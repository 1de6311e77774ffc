import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { findPlace, holdsAny, pathLabel } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { organisationNames } from '../../registry/index.ts';
import { PARTY_ROLES } from '../party.constants.ts';
import { read } from '../party.db.ts';
import { PartyErrors } from '../party.errors.ts';
import type { MembersQuery } from '../party.members.schemas.ts';
import { type MemberReach, memberFilter, memberReach, streetsOf } from './members-access.ts';
import { containing } from '../../../kernel/db/like.ts';

/** The member list sorts by name, joining date, place or last change. */
export const MembersSort = sortable(
  { name: 'm.person_name', joinedOn: 'm.joined_on', place: 'p.path', updatedAt: 'm.updated_at' },
  { sort: 'joinedOn', order: 'desc' },
  'm.id',
);

export interface MemberListRow {
  id: string;
  personId: string;
  personName: string;
  placeId: string;
  placeLabel: string;
  membership: 'local' | 'employed';
  branchId: string | null;
  workplaceOrgId: string | null;
  organisationName: string;
  joinedOn: string;
  badgePublic: boolean;
  status: 'active' | 'left';
  leftOn: string | null;
  note: string;
}

function filtered(ctx: Ctx, q: MembersQuery, reach: MemberReach, under: string | undefined) {
  return read(ctx)
    .selectFrom('pty_members as m')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'm.street_id').onRef('p.id', '=', 'm.place_id'))
    .select([
      'm.id',
      'm.person_id as personId',
      'm.person_name as personName',
      'm.place_id as placeId',
      pathLabel('p.path', ['community', 'grid', 'compound']).as('placeLabel'),
      'm.membership',
      'm.branch_id as branchId',
      'm.workplace_org_id as workplaceOrgId',
      sql<string>`to_char(m.joined_on, 'YYYY-MM-DD')`.as('joinedOn'),
      'm.badge_public as badgePublic',
      'm.status',
      sql<string | null>`to_char(m.left_on, 'YYYY-MM-DD')`.as('leftOn'),
      'm.note',
    ])
    .where(memberFilter(reach, 'p.path'))
    .$if(!!under, (s) => s.where('p.path', 'like', `${under}%`))
    .$if(!!q.membership, (s) => s.where('m.membership', '=', q.membership!))
    .$if(!!q.branchId, (s) => s.where('m.branch_id', '=', q.branchId!))
    .$if(!!q.workplaceOrgId, (s) => s.where('m.workplace_org_id', '=', q.workplaceOrgId!))
    .$if(!!q.status, (s) => s.where('m.status', '=', q.status!))
    .$if(!!q.q, (s) => s.where('m.person_name', 'ilike', containing(q.q!)));
}

async function prepare(ctx: Ctx, q: MembersQuery) {
  if (!holdsAny(ctx.actor, PARTY_ROLES.membersRead)) throw CommonErrors.FORBIDDEN();
  let under: string | undefined;
  if (q.placeId) {
    const place = await findPlace(read(ctx), q.placeId);
    if (!place || !ctx.actor.grants.some((g) => place.path.startsWith(g.placePath) || g.placePath.startsWith(place.path))) throw PartyErrors.PLACE_NOT_FOUND();
    under = place.path;
  }
  return { reach: await memberReach(read(ctx), ctx, await streetsOf(read(ctx), ctx.actor)), under };
}

async function withOrganisations(ctx: Ctx, rows: Omit<MemberListRow, 'organisationName'>[]): Promise<MemberListRow[]> {
  const names = await organisationNames(read(ctx), rows.map((r) => r.branchId ?? r.workplaceOrgId!).filter(Boolean));
  return rows.map((r) => ({ ...r, organisationName: names.get(r.branchId ?? r.workplaceOrgId ?? '') ?? '' }));
}

/** Party member records in the actor's places (a workplace liaison: its organisations' employed members), searchable. */
export async function listMembers(ctx: Ctx, q: MembersQuery): Promise<Page<MemberListRow>> {
  const { reach, under } = await prepare(ctx, q);
  const items = MembersSort.orderBy(filtered(ctx, q, reach, under), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, reach, under)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  return { ...page, items: await withOrganisations(ctx, page.items as Omit<MemberListRow, 'organisationName'>[]) };
}

const MEMBERSHIP_ZH = { local: '本社区党员', employed: '在职党员' } as const;

/** The same list (all pages, up to 20,000 rows) as xlsx. */
export async function exportMembersXlsx(ctx: Ctx, q: MembersQuery): Promise<{ fileName: string; content: Buffer }> {
  const { reach, under } = await prepare(ctx, q);
  const rows = await withOrganisations(ctx, (await MembersSort.orderBy(filtered(ctx, q, reach, under), q).limit(20_000).execute()) as Omit<MemberListRow, 'organisationName'>[]);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('党员');
  sheet.columns = [
    { header: '姓名', width: 10 },
    { header: '类别', width: 12 },
    { header: '所在党组织', width: 30 },
    { header: '居住地', width: 28 },
    { header: '入党日期', width: 12 },
    { header: '亮明身份', width: 10 },
    { header: '状态', width: 8 },
    { header: '转出日期', width: 12 },
    { header: '备注', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.personName, MEMBERSHIP_ZH[r.membership], r.organisationName, r.placeLabel, r.joinedOn, r.badgePublic ? '是' : '否', r.status === 'active' ? '在册' : '已转出', r.leftOn ?? '', r.note]);
  }
  return { fileName: `党员名册-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
