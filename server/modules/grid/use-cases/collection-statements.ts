import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { holdsAny } from '../../../kernel/access/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { CommonErrors } from '../../../kernel/errors.ts';
import { parsePeriod, periodContaining, previousPeriod } from '../../../kernel/payouts/payouts.ts';
import { COLLECTION_PAYOUT_KIND } from '../grid.collection.constants.ts';
import { GRID_ROLES } from '../grid.constants.ts';
import type { MonthQuery } from '../grid.collection.schemas.ts';
import { read } from '../grid.db.ts';
import { recordsInScope } from './collection-access.ts';
import { yuan } from './collection-records-list.ts';

export interface CompanyMonth {
  companyId: string;
  companyName: string;
  submitted: number;
  verifiedNew: number;
  known: number;
  wrong: number;
  spotDrawn: number;
  spotPassed: number;
  spotFailed: number;
  spotPending: number;
  /** passed ÷ (passed + failed), in percent with one decimal; null before any spot check is done. */
  passRate: number | null;
  /** What the month's verified new records earn (drawn ones only once passed). */
  earnedFen: number;
  /** The kernel statement of the month for the company, if generated: its status and the sum of its lines. */
  statement: { id: string; status: string; totalFen: number } | null;
}

/**
 * 月度结算 per company: for a month (Asia/Shanghai; default the last one), each company's records submitted in it,
 * checked in it (verified new, already known, wrong), the spot checks of its verified records (drawn, passed,
 * failed, pending, the pass rate), what they earn, and the kernel payout statement with its status. Counted in SQL
 * over the records the actor may read.
 */
export async function collectionStatements(ctx: Ctx, q: MonthQuery): Promise<{ month: string; items: CompanyMonth[] }> {
  if (!holdsAny(ctx.actor, [...GRID_ROLES.collectionRead, ...GRID_ROLES.collectionManage])) throw CommonErrors.FORBIDDEN();
  const now = ctx.kernel.clock.now();
  const period = (q.month ? parsePeriod('month', q.month) : previousPeriod('month', now)) ?? periodContaining('month', now);
  const inMonth = (col: string) => sql<boolean>`${sql.ref(col)} >= ${period.start} and ${sql.ref(col)} < ${period.end}`;
  const count = (cond: ReturnType<typeof sql<boolean>>) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const verifiedIn = sql<boolean>`r.status = 'verified' and ${inMonth('r.checked_at')}`;
  const rows = await read(ctx)
    .selectFrom('grid_records as r')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'r.street_id').onRef('p.id', '=', 'r.place_id'))
    .select([
      'r.company_id as companyId',
      sql<string>`max(r.company_name)`.as('companyName'),
      sql<string>`max(r.street_id::text)`.as('streetId'),
      count(inMonth('r.submitted_at')).as('submitted'),
      count(verifiedIn).as('verifiedNew'),
      count(sql<boolean>`r.status = 'known' and ${inMonth('r.checked_at')}`).as('known'),
      count(sql<boolean>`r.status = 'wrong' and ${inMonth('r.checked_at')}`).as('wrong'),
      count(sql<boolean>`${verifiedIn} and r.spot_status is not null`).as('spotDrawn'),
      count(sql<boolean>`${verifiedIn} and r.spot_status = 'passed'`).as('spotPassed'),
      count(sql<boolean>`${verifiedIn} and r.spot_status = 'failed'`).as('spotFailed'),
      count(sql<boolean>`${verifiedIn} and r.spot_status = 'pending'`).as('spotPending'),
      sql<number>`coalesce(sum(r.incentive_fen) filter (where ${verifiedIn} and (r.spot_status is null or r.spot_status = 'passed')), 0)::int`.as('earnedFen'),
    ])
    .where('r.company_id', 'is not', null)
    .where(recordsInScope(ctx.actor, 'p.path', 'r.company_id'))
    .where((eb) => eb.or([eb('r.submitted_at', '<', period.end), eb('r.checked_at', '<', period.end)]))
    .groupBy('r.company_id')
    .orderBy(sql`max(r.company_name)`)
    .execute();
  const ids = rows.map((r) => r.companyId!);
  const statements = ids.length
    ? await read(ctx)
        .selectFrom('payout_statements as s')
        .select(['s.id', 's.payee_id as payeeId', 's.status', sql<number>`(select coalesce(sum(l.amount_fen), 0)::int from payout_lines l where l.street_id = s.street_id and l.statement_id = s.id)`.as('totalFen')])
        .where('s.kind', '=', COLLECTION_PAYOUT_KIND)
        .where('s.period', '=', period.label)
        .where('s.payee_id', 'in', ids)
        .execute()
    : [];
  const items = rows
    .map((r): CompanyMonth => {
      const done = r.spotPassed + r.spotFailed;
      const st = statements.find((s) => s.payeeId === r.companyId);
      return {
        companyId: r.companyId!,
        companyName: r.companyName,
        submitted: r.submitted,
        verifiedNew: r.verifiedNew,
        known: r.known,
        wrong: r.wrong,
        spotDrawn: r.spotDrawn,
        spotPassed: r.spotPassed,
        spotFailed: r.spotFailed,
        spotPending: r.spotPending,
        passRate: done ? Math.round((r.spotPassed / done) * 1000) / 10 : null,
        earnedFen: r.earnedFen,
        statement: st ? { id: st.id, status: st.status, totalFen: Number(st.totalFen) } : null,
      };
    })
    .filter((i) => i.submitted + i.verifiedNew + i.known + i.wrong > 0 || i.statement);
  return { month: period.label, items };
}

const STATUS_ZH: Record<string, string> = { draft: '草稿', reviewed: '已审核', approved: '已审批', paid: '已付款', closed: '已关闭' };

/** The month's table as xlsx. */
export async function exportStatementsXlsx(ctx: Ctx, q: MonthQuery): Promise<{ fileName: string; content: Buffer }> {
  const { month, items } = await collectionStatements(ctx, q);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(`${month} 采集结算`);
  sheet.columns = [
    { header: '物业服务企业', width: 26 },
    { header: '提交', width: 8 },
    { header: '核实新增', width: 10 },
    { header: '已有记录', width: 10 },
    { header: '信息有误', width: 10 },
    { header: '抽查', width: 8 },
    { header: '抽查通过', width: 10 },
    { header: '抽查未通过', width: 10 },
    { header: '通过率（%）', width: 10 },
    { header: '应得激励（元）', width: 14 },
    { header: '结算单状态', width: 12 },
    { header: '结算金额（元）', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const i of items) {
    sheet.addRow([i.companyName, i.submitted, i.verifiedNew, i.known, i.wrong, i.spotDrawn, i.spotPassed, i.spotFailed, i.passRate ?? '', yuan(i.earnedFen), i.statement ? STATUS_ZH[i.statement.status] : '未生成', i.statement ? yuan(i.statement.totalFen) : '']);
  }
  return { fileName: `四个实有采集结算-${month}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
