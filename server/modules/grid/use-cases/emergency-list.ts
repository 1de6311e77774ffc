import ExcelJS from 'exceljs';
import { type Expression, type SqlBool, sql } from 'kysely';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Actor } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import { EMERGENCY_LEVEL_ZH } from '../grid.emergency.constants.ts';
import type { DeclarationsQuery } from '../grid.emergency.schemas.ts';
import { read } from '../grid.db.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { chinaMinute, type DeclarationFacts, type DeclarationRow, declarations } from './emergency-access.ts';

/** Active declarations always first; then by the chosen column. */
export const DeclarationsSort = sortable({ declaredAt: 'd.declared_at', endedAt: 'd.ended_at', place: 'p.name' }, { sort: 'declaredAt', order: 'desc' }, 'd.id');

/** A row of the declarations table: the row's facts and the screening's progress. */
export interface DeclarationListRow extends Pick<DeclarationRow, DeclarationFacts> {
  households: number;
  covered: number;
}

/** The rows the actor reads: declarations over places under their grants, or over places above them (which cover them). */
export function readableFilter(actor: Actor): (eb: { or: (e: Expression<SqlBool>[]) => Expression<SqlBool> }) => Expression<SqlBool> {
  const roles: readonly string[] = GRID_ROLES.emergencyRead;
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.placePath);
  return (eb) => (paths.length ? eb.or(paths.flatMap((gp) => [sql<SqlBool>`p.path like ${`${gp}%`}`, sql<SqlBool>`${gp} like p.path || '%'`])) : sql<SqlBool>`false`);
}

function filtered(ctx: Ctx, q: DeclarationsQuery) {
  return declarations(read(ctx))
    .where(readableFilter(ctx.actor))
    .$if(!!q.status, (s) => s.where('d.status', '=', q.status!))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('p.name', 'ilike', like), eb('d.reason', 'ilike', like)]));
    });
}

/** The declarations the actor reads: active first, searched (place, reason), filtered by status, sorted, paged. */
export async function listDeclarations(ctx: Ctx, q: DeclarationsQuery): Promise<Page<DeclarationListRow>> {
  if (!holdsAnywhere(ctx.actor, 'emergencyRead')) throw CommonErrors.FORBIDDEN();
  const count = filtered(ctx, q)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, q.pageSize, offsetOf(q)), count);
}

/** The same list (up to 5,000 rows) as xlsx. */
export async function exportDeclarationsXlsx(ctx: Ctx, q: DeclarationsQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'emergencyRead')) throw CommonErrors.FORBIDDEN();
  const rows = await rowsOf(ctx, q, 5000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('应急记录');
  sheet.columns = [
    { header: '应急区域', width: 16 },
    { header: '状态', width: 8 },
    { header: '响应级别', width: 8 },
    { header: '启动原因', width: 40 },
    { header: '户数', width: 8 },
    { header: '已排查', width: 8 },
    { header: '启动时间', width: 18 },
    { header: '结束时间', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.placeName, r.status === 'active' ? '应急中' : '已结束', EMERGENCY_LEVEL_ZH[r.level], r.reason, r.households, r.covered, chinaMinute(r.declaredAt), chinaMinute(r.endedAt)]);
  return { fileName: `应急记录-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

function rowsOf(ctx: Ctx, q: DeclarationsQuery, limit: number, offset: number): Promise<DeclarationListRow[]> {
  return DeclarationsSort.orderBy(
    filtered(ctx, q)
      .select([
        sql<number>`(select count(*)::int from grid_emergency_households h join grid_emergency_screenings s on s.street_id = h.street_id and s.id = h.screening_id where s.street_id = d.street_id and s.declaration_id = d.id)`.as('households'),
        sql<number>`(select count(*)::int from grid_emergency_households h join grid_emergency_screenings s on s.street_id = h.street_id and s.id = h.screening_id where s.street_id = d.street_id and s.declaration_id = d.id and h.status <> 'pending')`.as('covered'),
      ])
      .orderBy('d.status', 'asc'),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute()
    .then((rs) =>
      rs.map((r) => ({
        id: r.id,
        placeId: r.placeId,
        placeName: r.placeName,
        placeKind: r.placeKind,
        level: r.level,
        reason: r.reason,
        status: r.status,
        declaredAt: r.declaredAt,
        declaredByName: r.declaredByName,
        endedAt: r.endedAt,
        households: Number(r.households),
        covered: Number(r.covered),
      })),
    );
}
