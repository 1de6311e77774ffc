import ExcelJS from 'exceljs';
import { can } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { payoutKind, readerRoles } from '../../../kernel/payouts/payouts.ts';
import { read } from '../supervision.db.ts';
import { allows } from '../supervision.policy.ts';
import { STANDARD_SUBSIDY_KIND, type SubsidyOutcome } from '../supervision.subsidy.constants.ts';
import type { SubsidyPolicy } from '../supervision.subsidy.repository.ts';
import type { SubsidyQuarterQuery } from '../supervision.subsidy.schemas.ts';
import { subsidyScopes } from './subsidy-scope.ts';
import { type SubsidyOutcomeRow, subsidyOutcomes } from './subsidy-outcomes.ts';

export interface SubsidyQuarterRow extends Omit<SubsidyOutcomeRow, 'path'> {
  id: string;
  streetId: string;
  /** The payout statement the compound's line is on, once generated (a link for those who see statements). */
  statementId: string | null;
  statementStatus: string | null;
}

export interface SubsidyQuarter {
  period: string;
  /** Per street in scope: its policy of the quarter and whether its assessment is published. */
  streets: { streetId: string; policy: SubsidyPolicy | null; published: boolean }[];
  items: SubsidyQuarterRow[];
  total: number;
  page: number;
  pageSize: number;
  totals: { listed: number; meeting: number; amountFen: number };
}

const SORTS: Record<string, (r: SubsidyQuarterRow) => number | string> = {
  compound: (r) => r.compoundName,
  score: (r) => r.scoreCenti ?? -1,
  amount: (r) => r.amountFen,
};

async function rowsOf(ctx: Ctx, q: SubsidyQuarterQuery) {
  const db = read(ctx);
  const scopes = await subsidyScopes(ctx, db, q.placeId);
  const streets: SubsidyQuarter['streets'] = [];
  let rows: SubsidyQuarterRow[] = [];
  for (const streetId of [...new Set(scopes.map((s) => s.streetId))]) {
    const o = await subsidyOutcomes(db, streetId, q.period);
    streets.push({ streetId, policy: o.policy, published: o.published });
    const visible = o.rows.filter((r) => allows(ctx.actor, 'subsidyRead', r.path) && scopes.some((s) => s.streetId === streetId && r.path.startsWith(s.path)));
    const kind = payoutKind(STANDARD_SUBSIDY_KIND);
    const lines = visible.length
      ? await db
          .selectFrom('payout_sources as ps')
          .innerJoin('payout_lines as pl', (j) => j.onRef('pl.street_id', '=', 'ps.street_id').onRef('pl.id', '=', 'ps.line_id'))
          .innerJoin('payout_statements as st', (j) => j.onRef('st.street_id', '=', 'pl.street_id').onRef('st.id', '=', 'pl.statement_id'))
          .innerJoin('street_places as sp', (j) => j.onRef('sp.street_id', '=', 'st.street_id').onRef('sp.id', '=', 'st.place_id'))
          .select(['ps.source_id', 'st.id', 'st.status', 'sp.path as statementPath'])
          .where('ps.street_id', '=', streetId)
          .where('ps.kind', '=', STANDARD_SUBSIDY_KIND)
          .where('ps.claim_period', '=', q.period)
          .where('ps.source_id', 'in', visible.map((r) => r.compoundId))
          .execute()
      : [];
    rows = rows.concat(
      visible.map(({ path: _path, ...r }) => {
        const line = lines.find((l) => l.source_id === r.compoundId);
        // The statement's link only for those who may open it (its kind's reviewers and approvers at its place).
        const link = line && kind && can(ctx.actor, readerRoles(kind), line.statementPath) ? line : undefined;
        return { ...r, id: r.compoundId, streetId, statementId: link?.id ?? null, statementStatus: line?.status ?? null };
      }),
    );
  }
  if (q.q) rows = rows.filter((r) => r.compoundName.includes(q.q!) || (r.companyName ?? '').includes(q.q!));
  if (q.outcome) rows = rows.filter((r) => r.outcome === q.outcome);
  const key = SORTS[q.sort ?? 'compound']!;
  const dir = q.order === 'desc' ? -1 : 1;
  rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.compoundId < b.compoundId ? -1 : 1) * dir;
  });
  return { streets, rows };
}

/**
 * A quarter of 达标补贴 in the actor's places: each listed compound with its published score, whether it meets the
 * standard (and why not), what it earns and its statement; the totals over all pages. A company sees its own
 * compounds (its grants); officials their places.
 */
export async function getSubsidyQuarter(ctx: Ctx, q: SubsidyQuarterQuery): Promise<SubsidyQuarter> {
  const { streets, rows } = await rowsOf(ctx, q);
  const start = (q.page - 1) * q.pageSize;
  return {
    period: q.period,
    streets,
    items: rows.slice(start, start + q.pageSize),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
    totals: { listed: rows.length, meeting: rows.filter((r) => r.outcome === 'meets').length, amountFen: rows.reduce((a, r) => a + r.amountFen, 0) },
  };
}

const OUTCOME_ZH: Record<SubsidyOutcome, string> = {
  no_policy: '该季度无适用政策',
  unpublished: '考评结果尚未公布',
  not_assessed: '未参加考评（无物业服务企业）',
  no_score: '考评无得分',
  below: '得分低于标准',
  meets: '达标',
};
const fixed2 = (n: number | null) => (n === null ? '' : (n / 100).toFixed(2));

/** The same rows (every page) as xlsx. */
export async function exportSubsidyQuarterXlsx(ctx: Ctx, q: SubsidyQuarterQuery): Promise<{ fileName: string; content: Buffer }> {
  const { rows } = await rowsOf(ctx, q);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('达标补贴');
  sheet.columns = [
    { header: '季度', width: 10 },
    { header: '小区', width: 18 },
    { header: '物业服务企业', width: 22 },
    { header: '考评得分', width: 10 },
    { header: '是否达标', width: 26 },
    { header: '户数', width: 8 },
    { header: '补贴（元）', width: 12 },
    { header: '封顶', width: 6 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([q.period, r.compoundName, r.companyName ?? '', fixed2(r.scoreCenti), OUTCOME_ZH[r.outcome], r.rooms ?? '', fixed2(r.amountFen), r.capped ? '是' : '']);
  return { fileName: `达标补贴-${q.period}-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
