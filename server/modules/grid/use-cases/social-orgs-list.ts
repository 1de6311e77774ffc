import ExcelJS from 'exceljs';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { maskPhone } from '../../../kernel/pii/pii.ts';
import { type Executor, read } from '../grid.db.ts';
import { allows, holdsAnywhere, placeFilter } from '../grid.policy.ts';
import { ORG_FIELD_ZH, ORG_REGISTRATION_ZH, type OrgField, type OrgRegistration } from '../grid.social.contract.ts';
import type { OrgsQuery } from '../grid.social.schemas.ts';

/** Organisations sort by name, founding day, people or registration. */
export const OrgsSort = sortable({ name: 'o.name', foundedOn: 'o.founded_on', peopleCount: 'o.people_count', createdAt: 'o.created_at' }, { sort: 'name', order: 'asc' }, 'o.id');

export interface OrgListRow {
  id: string;
  placeId: string;
  placeName: string;
  name: string;
  registration: OrgRegistration;
  field: OrgField;
  foundedOn: string | null;
  contactName: string;
  /** Masked for everyone but those who manage the organisation (socialManage over its place). */
  contactPhone: string;
  peopleCount: number;
  description: string;
  active: boolean;
  dissolvedAt: Date | null;
  dissolvedReason: string | null;
  /** Whether the actor may edit and dissolve it. */
  manages: boolean;
}

function filtered(db: Executor, ctx: Ctx, q: Partial<OrgsQuery>) {
  return db
    .selectFrom('grid_social_orgs as o')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'o.street_id').onRef('p.id', '=', 'o.place_id'))
    .where(placeFilter(ctx.actor, 'socialRead', 'o.place_id', 'p.path'))
    .$if(!!q.registration, (s) => s.where('o.registration', '=', q.registration!))
    .$if(!!q.field, (s) => s.where('o.field', '=', q.field!))
    .$if(!!q.placeId, (s) => s.where('o.place_id', '=', q.placeId!))
    .$if(q.active !== undefined, (s) => s.where('o.active', '=', q.active!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.contact_name', 'ilike', like), eb('o.description', 'ilike', like)]));
    });
}

async function rowsOf(ctx: Ctx, q: OrgsQuery, limit: number, offset: number): Promise<OrgListRow[]> {
  const rows = await OrgsSort.orderBy(
    filtered(read(ctx), ctx, q).select([
      'o.id',
      'o.place_id as placeId',
      'p.name as placeName',
      'p.path as placePath',
      'o.name',
      'o.registration',
      'o.field',
      'o.founded_on as foundedOn',
      'o.contact_name as contactName',
      'o.contact_phone as contactPhone',
      'o.people_count as peopleCount',
      'o.description',
      'o.active',
      'o.dissolved_at as dissolvedAt',
      'o.dissolved_reason as dissolvedReason',
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(({ placePath, ...r }) => {
    const manages = allows(ctx.actor, 'socialManage', placePath);
    return { ...r, contactPhone: manages || !r.contactPhone ? r.contactPhone : maskPhone(r.contactPhone), manages };
  });
}

/** The social organisations under the actor's grants: searched (name, contact, description), filtered, sorted, paged. */
export async function listOrgs(ctx: Ctx, q: OrgsQuery): Promise<Page<OrgListRow>> {
  if (!holdsAnywhere(ctx.actor, 'socialRead')) throw CommonErrors.FORBIDDEN();
  const count = filtered(read(ctx), ctx, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, q.pageSize, offsetOf(q)), count);
}

/** The same list (up to 20,000 rows) as xlsx; phones masked as on the page. */
export async function exportOrgsXlsx(ctx: Ctx, q: OrgsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'socialRead')) throw CommonErrors.FORBIDDEN();
  const rows = await rowsOf(ctx, q, 20_000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('社会组织');
  sheet.columns = [
    { header: '名称', width: 28 },
    { header: '所属', width: 14 },
    { header: '登记状态', width: 10 },
    { header: '服务领域', width: 10 },
    { header: '成立日期', width: 12 },
    { header: '联系人', width: 10 },
    { header: '联系电话', width: 16 },
    { header: '人数', width: 8 },
    { header: '状态', width: 8 },
    { header: '简介', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([r.name, r.placeName, ORG_REGISTRATION_ZH[r.registration], ORG_FIELD_ZH[r.field], r.foundedOn ?? '', r.contactName, r.contactPhone, r.peopleCount, r.active ? '活跃' : '已注销', r.description]);
  return { fileName: `社会组织-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
