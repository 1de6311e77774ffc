import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { isSystem } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { type Page, offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../grid.db.ts';
import { MEDIATION_CATEGORY_ZH, MEDIATION_SOURCE_ZH, MEDIATION_STATUS_ZH, type MediationCaseStatus } from '../grid.mediation.constants.ts';
import type { CasesQuery } from '../grid.mediation.schemas.ts';
import { holdsAnywhere } from '../grid.policy.ts';
import { casesQuery, isOverdue, readableCases } from './mediation-access.ts';
import { type PartyView, partiesFor } from './mediation-cases-get.ts';

export const MediationCasesSort = sortable({ openedAt: 'k.opened_at', dueAt: 'k.due_at', no: 'k.no', status: 'k.status' }, { sort: 'openedAt', order: 'desc' }, 'k.id');

export interface MediationCaseRow {
  id: string;
  no: string;
  status: MediationCaseStatus;
  level: 'community' | 'street';
  committeeName: string;
  placeName: string;
  source: keyof typeof MEDIATION_SOURCE_ZH;
  category: keyof typeof MEDIATION_CATEGORY_ZH;
  summary: string;
  openedAt: Date;
  dueAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  /** The viewer is one of its assigned mediators (and so sees the parties in full). */
  mine: boolean;
  parties: PartyView[];
}

const overdueSql = (now: Date) => sql<boolean>`(k.status in ('accepted', 'in_session') and k.due_at < ${now})`;
const mineSql = (ctx: Ctx) =>
  sql<boolean>`exists (select 1 from grid_mediation_assignments a where a.street_id = k.street_id and a.case_id = k.id and a.account_id = ${isSystem(ctx.actor) ? null : ctx.actor.accountId})`;

function filtered(db: Executor, ctx: Ctx, q: CasesQuery, now: Date) {
  return casesQuery(db)
    .where(readableCases(ctx))
    .$if(q.status === 'open', (s) => s.where('k.status', 'in', ['applied', 'accepted', 'in_session']))
    .$if(!!q.status && q.status !== 'open', (s) => s.where('k.status', '=', q.status as MediationCaseStatus))
    .$if(!!q.category, (s) => s.where('k.category', '=', q.category!))
    .$if(!!q.source, (s) => s.where('k.source', '=', q.source!))
    .$if(!!q.committeeId, (s) => s.where('k.committee_id', '=', q.committeeId!))
    .$if(q.overdue === true, (s) => s.where(overdueSql(now)))
    .$if(q.overdue === false, (s) => s.where(sql<boolean>`not ${overdueSql(now)}`))
    .$if(q.mine === true, (s) => s.where(mineSql(ctx)))
    .$if(!!q.q, (s) => {
      const like = containing(q.q!);
      return s.where((eb) => eb.or([eb('k.no', 'ilike', like), eb('k.summary', 'ilike', like), eb('p.name', 'ilike', like)]));
    });
}

async function rowsOf(ctx: Ctx, q: CasesQuery, limit: number, offset: number): Promise<MediationCaseRow[]> {
  const db = read(ctx);
  const now = ctx.kernel.clock.now();
  const rows = await MediationCasesSort.orderBy(
    filtered(db, ctx, q, now).select([
      'k.street_id as streetId',
      'k.id',
      'k.no',
      'k.status',
      'k.level',
      'm.name as committeeName',
      'p.name as placeName',
      'k.source',
      'k.category',
      'k.summary',
      'k.opened_at as openedAt',
      'k.due_at as dueAt',
      'k.closed_at as closedAt',
      mineSql(ctx).as('mine'),
    ]),
    q,
  )
    .limit(limit)
    .offset(offset)
    .execute();
  // Parties: in full for the cases the viewer mediates, masked for the rest.
  const parties = new Map<string, PartyView[]>();
  for (const streetId of new Set(rows.map((r) => r.streetId))) {
    const of = rows.filter((r) => r.streetId === streetId);
    for (const [full, ids] of [
      [true, of.filter((r) => r.mine).map((r) => r.id)],
      [false, of.filter((r) => !r.mine).map((r) => r.id)],
    ] as const)
      for (const [k, v] of await partiesFor(db, ctx, streetId, ids, full)) parties.set(k, v);
  }
  return rows.map(({ streetId: _, ...r }) => ({ ...r, mine: !!r.mine, overdue: isOverdue(r.status, r.dueAt, now), parties: parties.get(r.id) ?? [] }));
}

/** The cases the actor may read (over their places, or assigned): searched (number, summary, place), filtered, sorted, paged; parties masked unless the viewer mediates the case. */
export async function listMediationCases(ctx: Ctx, q: CasesQuery): Promise<Page<MediationCaseRow>> {
  if (!holdsAnywhere(ctx.actor, 'mediationRead')) throw CommonErrors.FORBIDDEN();
  const count = filtered(read(ctx), ctx, q, ctx.kernel.clock.now())
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return paginate(q, rowsOf(ctx, q, q.pageSize, offsetOf(q)), count);
}

const time = (at: Date | null) => (at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The same list (up to 20,000 rows) as xlsx, parties as the list shows them. */
export async function exportMediationCasesXlsx(ctx: Ctx, q: CasesQuery): Promise<{ fileName: string; content: Buffer }> {
  if (!holdsAnywhere(ctx.actor, 'mediationRead')) throw CommonErrors.FORBIDDEN();
  const rows = await rowsOf(ctx, q, 20_000, 0);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('调解案件');
  sheet.columns = [
    { header: '案件编号', width: 20 },
    { header: '状态', width: 12 },
    { header: '纠纷类别', width: 14 },
    { header: '来源', width: 10 },
    { header: '地点', width: 14 },
    { header: '调解委员会', width: 22 },
    { header: '当事人', width: 30 },
    { header: '案件概要', width: 40 },
    { header: '登记时间', width: 18 },
    { header: '调解期限', width: 18 },
    { header: '结案时间', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([
      r.no,
      r.overdue ? `${MEDIATION_STATUS_ZH[r.status]}（逾期）` : MEDIATION_STATUS_ZH[r.status],
      MEDIATION_CATEGORY_ZH[r.category],
      MEDIATION_SOURCE_ZH[r.source],
      r.placeName,
      r.committeeName,
      r.parties.map((p) => `${p.name}${p.phone ? ` ${p.phone}` : ''}`).join('；'),
      r.summary,
      time(r.openedAt),
      time(r.dueAt),
      time(r.closedAt),
    ]);
  return { fileName: `调解案件-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
