import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { pathLabel } from '../../../kernel/access/index.ts';
import { chinaDay } from '../../../kernel/clock.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { offsetOf, paginate, sortable } from '../../../kernel/pagination.ts';
import { sourceStatements } from '../../../kernel/payouts/payouts-read.ts';
import { SUBSIDY_PAYOUT_KIND, type SubsidyStage } from '../fees.constants.ts';
import { type Executor, read } from '../fees.db.ts';
import { FeesErrors } from '../fees.errors.ts';
import { SubsidyAccess, seesStreetPolicy } from '../fees.subsidies.policy.ts';
import type { SubsidyLinesQuery } from '../fees.subsidies.schemas.ts';
import { payerRooms } from './payer-access.ts';
import { readablePlacePathFor } from './subsidy-scope.ts';
import { policyVersions, streetOfPlace } from './subsidy-policy.ts';

/** A street's policy: the version in force today and every version (for the policy form and its history). */
export async function getSubsidyPolicy(ctx: Ctx, placeId: string) {
  const db = read(ctx);
  const street = await streetOfPlace(db, placeId);
  if (!street || !seesStreetPolicy(ctx.actor, street)) throw FeesErrors.PLACE_NOT_FOUND();
  const versions = await policyVersions(db, street.id);
  const today = chinaDay(ctx.kernel.clock.now());
  return { streetId: street.id, streetName: street.name, current: versions.find((v) => v.effectiveFrom <= today) ?? null, versions, canSet: SubsidyAccess.allows(ctx.actor, 'configure', street.path) };
}

/** Where each line stands for the household: 待结算 → 审核中 → 已审批 → 已发放, or 已冲销. */
async function stagesOf(db: Executor, lines: readonly { id: string; streetId: string; status: string }[]) {
  const byStreet = new Map<string, string[]>();
  for (const l of lines) byStreet.set(l.streetId, [...(byStreet.get(l.streetId) ?? []), l.id]);
  const found = new Map<string, { period: string; status: string; paidAt: Date | null }>();
  for (const [streetId, ids] of byStreet) {
    for (const [id, s] of await sourceStatements(db, { streetId, kind: SUBSIDY_PAYOUT_KIND, sourceType: 'fee_subsidy', sourceIds: ids })) found.set(id, s);
  }
  return (l: { id: string; status: string }) => {
    const s = found.get(l.id);
    const stage: SubsidyStage =
      l.status === 'reversed' ? 'reversed' : !s ? 'pending' : s.status === 'draft' || s.status === 'reviewed' ? 'reviewing' : s.status === 'approved' ? 'approved' : 'paid';
    return { stage, payoutPeriod: s?.period ?? null, paidOutAt: s?.paidAt ?? null };
  };
}

export const SubsidyLinesSort = sortable(
  { grantedAt: 'l.granted_at', amount: 'l.amount_fen', period: 'l.period_label', payee: 'l.payee_name' },
  { sort: 'grantedAt', order: 'desc' },
  'l.id',
);

function linesQuery(db: Executor) {
  return db
    .selectFrom('fee_subsidy_lines as l')
    .innerJoin('street_places as room', (j) => j.onRef('room.street_id', '=', 'l.street_id').onRef('room.id', '=', 'l.room_id'))
    .select([
      'l.id',
      'l.street_id as streetId',
      'l.bill_id as billId',
      'l.room_id as roomId',
      pathLabel('room.path', ['compound', 'building', 'unit', 'room']).as('roomLabel'),
      'l.period_label as period',
      'l.bill_day as billDay',
      'l.tags',
      'l.payee_name as payeeName',
      'l.basis_fen as basisFen',
      'l.amount_fen as amountFen',
      'l.formula',
      'l.status',
      'l.granted_at as grantedAt',
      'l.reversed_at as reversedAt',
    ]);
}

function filtered(ctx: Ctx, q: SubsidyLinesQuery, underPath: string | undefined) {
  let s = linesQuery(read(ctx)).where(SubsidyAccess.placeFilter(ctx.actor, 'read', 'l.room_id', 'room.path'));
  if (underPath) s = s.where('room.path', 'like', `${underPath}%`);
  if (q.status) s = s.where('l.status', '=', q.status);
  if (q.period) s = s.where('l.period_label', '=', q.period);
  if (q.q) s = s.where((eb) => eb.or([eb('l.payee_name', 'ilike', `%${q.q}%`), eb(pathLabel('room.path', ['compound', 'building', 'unit', 'room']), 'ilike', `%${q.q}%`)]));
  return s;
}

/** Staff: the subsidy lines of the places they read, with where each stands in the payout flow. */
export async function listSubsidyLines(ctx: Ctx, q: SubsidyLinesQuery) {
  const underPath = await readablePlacePathFor(ctx, q.placeId);
  const items = SubsidyLinesSort.orderBy(filtered(ctx, q, underPath), q).limit(q.pageSize).offset(offsetOf(q)).execute();
  const count = filtered(ctx, q, underPath)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const page = await paginate(q, items, count);
  const stage = await stagesOf(read(ctx), page.items);
  return { ...page, items: page.items.map((l) => ({ ...l, ...stage(l) })) };
}

const STAGE_ZH: Record<SubsidyStage, string> = { pending: '待结算', reviewing: '审核中', approved: '已审批', paid: '已发放', reversed: '已冲销' };
const TAG_ZH: Record<string, string> = { low_income: '低保', extreme_hardship: '特困', elderly: '老年人', disabled: '残疾人', party_member: '党员', volunteer: '志愿者' };

/** The same list (all pages, up to 20,000 rows) as xlsx. */
export async function exportSubsidyLinesXlsx(ctx: Ctx, q: SubsidyLinesQuery): Promise<{ fileName: string; content: Buffer }> {
  const underPath = await readablePlacePathFor(ctx, q.placeId);
  const rows = await SubsidyLinesSort.orderBy(filtered(ctx, q, underPath), q).limit(20_000).execute();
  const stage = await stagesOf(read(ctx), rows);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('先缴后补');
  sheet.columns = [
    { header: '房屋', width: 28 },
    { header: '账期', width: 10 },
    { header: '账单日期', width: 12 },
    { header: '身份', width: 12 },
    { header: '领取人', width: 10 },
    { header: '已缴（元）', width: 12 },
    { header: '补贴（元）', width: 12 },
    { header: '计算', width: 48 },
    { header: '状态', width: 10 },
    { header: '补贴时间', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  let sum = 0;
  for (const r of rows) {
    const st = stage(r);
    if (r.status === 'granted') sum += r.amountFen;
    const row = sheet.addRow([r.roomLabel, r.period, r.billDay, r.tags.map((t) => TAG_ZH[t] ?? t).join('、'), r.payeeName, r.basisFen / 100, r.amountFen / 100, r.formula, STAGE_ZH[st.stage], chinaDay(r.grantedAt)]);
    row.getCell(6).numFmt = '#,##0.00';
    row.getCell(7).numFmt = '#,##0.00';
  }
  const total = sheet.addRow(['合计（未冲销）', '', '', '', '', '', sum / 100]);
  total.font = { bold: true };
  total.getCell(7).numFmt = '#,##0.00';
  return { fileName: `先缴后补-${chinaDay(ctx.kernel.clock.now())}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A household: the subsidy lines of the rooms whose bills they pay, newest first, each with its stage. */
export async function listMySubsidies(ctx: Ctx, q: { page: number; pageSize: number }) {
  const db = read(ctx);
  const rooms = (await payerRooms(db, ctx)).map((r) => r.roomId);
  if (rooms.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, totals: { grantedFen: 0, paidFen: 0 } };
  const mine = () => linesQuery(db).where('l.room_id', '=', sql<string>`any(${rooms}::uuid[])`);
  const [items, count, all] = await Promise.all([
    mine().orderBy('l.granted_at', 'desc').orderBy('l.id', 'desc').limit(q.pageSize).offset(offsetOf(q)).execute(),
    mine().clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine().where('l.status', '=', 'granted').execute(),
  ]);
  const stage = await stagesOf(db, [...items, ...all]);
  const totals = { grantedFen: all.reduce((s, l) => s + l.amountFen, 0), paidFen: all.filter((l) => stage(l).stage === 'paid').reduce((s, l) => s + l.amountFen, 0) };
  return { items: items.map(({ streetId: _s, ...l }) => ({ ...l, ...stage(l) })), total: Number(count.n), page: q.page, pageSize: q.pageSize, totals };
}
