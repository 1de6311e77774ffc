import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { read, type Executor } from '../decisions.db.ts';
import { DecisionsErrors } from '../decisions.errors.ts';
import { allows } from '../decisions.policy.ts';
import type { DecisionRow } from '../decisions.repository.ts';
import type { ElevatorJudgement } from '../elevator.ts';
import { type CostSharesQuery, CostSharesSort } from '../elevator.schemas.ts';
import { decisionFor } from './decision-access.ts';
import { affectedRows, elevatorOf, judgeCounted } from './elevator-shares.ts';
import { evidenceContent } from './evidence-file.ts';

/** An elevator retrofit a staff member may read, with its cost and table (404 for any other decision). */
export async function elevatorFor(db: Executor, ctx: Ctx, id: string) {
  const d = await decisionFor(db, ctx.actor, id, 'read');
  const e = d.kind === 'elevator' ? await elevatorOf(db, d) : undefined;
  if (!e) throw DecisionsErrors.NOT_AN_ELEVATOR();
  return { d, e };
}

/**
 * The judgement: as published once published; while closed, worked out afresh from the count (an agreement recorded
 * after the count settles an objection; the result keeps the one at the count too); none before the count.
 */
export async function judgementOf(db: Executor, d: DecisionRow, rule: 'consent' | 'compensation'): Promise<ElevatorJudgement | null> {
  if (d.status === 'published') return (d.result as { elevator?: ElevatorJudgement } | null)?.elevator ?? null;
  if (d.status === 'closed') return judgeCounted(db, d, rule);
  return null;
}

/**
 * An elevator retrofit for its organisers: the cost and table, every room's share with its head on the roll, the
 * shares' sum (always the cost), the affected owners with their objection and agreement, the judgement after the
 * count, and what the reader may do now.
 */
export async function getElevator(ctx: Ctx, id: string) {
  const db = read(ctx);
  const { d, e } = await elevatorFor(db, ctx, id);
  const [shares, affected, judgement] = await Promise.all([
    db
      .selectFrom('dec_cost_shares as s')
      .leftJoin('dec_roll_entries as re', (j) => j.onRef('re.street_id', '=', 's.street_id').onRef('re.id', '=', 's.entry_id'))
      .select(['s.room_id as roomId', 's.room_label as roomLabel', 's.floor', 's.coefficient_permille as coefficientPermille', 's.area_centi as areaCenti', 's.weight', 's.share_fen as shareFen', 's.status', 's.entry_id as entryId', 're.label as ownerLabel'])
      .where('s.street_id', '=', d.street_id)
      .where('s.decision_id', '=', d.id)
      .orderBy('s.floor', 'desc')
      .orderBy('s.room_label')
      .execute(),
    affectedRows(db, d),
    judgementOf(db, d, e.affected_rule),
  ]);
  const organise = allows(ctx.actor, 'organise', d.place_path);
  const settleable = organise && e.affected_rule === 'compensation' && ['roll_published', 'open', 'closed'].includes(d.status);
  return {
    decisionId: d.id,
    status: d.status,
    costFen: Number(e.cost_fen),
    byArea: e.by_area,
    coefficients: e.coefficients,
    affectedRule: e.affected_rule,
    shares: shares.map((s) => ({ ...s, areaCenti: Number(s.areaCenti), weight: Number(s.weight), shareFen: Number(s.shareFen) })),
    sumFen: shares.reduce((sum, s) => sum + Number(s.shareFen), 0),
    affected: affected.map((a) => ({
      id: a.id,
      roomId: a.room_id,
      roomLabel: a.room_label,
      ownerLabel: a.owner_label,
      impact: a.impact,
      note: a.note,
      objection: a.objection,
      objectionAt: a.objection_at,
      agreement: a.agreement ? { amountFen: a.agreement.amountFen, signedOn: a.agreement.signedOn, note: a.agreement.note, file: a.agreement.file ? { name: a.agreement.file.name, size: a.agreement.file.size } : null } : null,
      settledAt: a.settled_at,
    })),
    judgement,
    can: {
      edit: organise && (d.status === 'draft' || d.status === 'roll_published'),
      markAffected: organise && (d.status === 'draft' || d.status === 'roll_published'),
      recordObjection: settleable,
      recordAgreement: settleable,
    },
  };
}

/** The shares table, paginated, searchable by room or masked owner, sortable by floor, room or share. */
export async function listCostShares(ctx: Ctx, id: string, q: CostSharesQuery) {
  const db = read(ctx);
  const { d } = await elevatorFor(db, ctx, id);
  const base = db
    .selectFrom('dec_cost_shares as s')
    .leftJoin('dec_roll_entries as re', (j) => j.onRef('re.street_id', '=', 's.street_id').onRef('re.id', '=', 's.entry_id'))
    .where('s.street_id', '=', d.street_id)
    .where('s.decision_id', '=', d.id)
    .$if(!!q.q, (qb) => qb.where((eb) => eb.or([eb('s.room_label', 'ilike', containing(q.q!)), eb('re.label', 'ilike', containing(q.q!))])));
  return paginate(
    q,
    CostSharesSort.orderBy(base, q)
      .select(['s.room_id as roomId', 's.room_label as roomLabel', 's.floor', 's.coefficient_permille as coefficientPermille', 's.area_centi as areaCenti', 's.share_fen as shareFen', 's.status', 're.label as ownerLabel'])
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, areaCenti: Number(r.areaCenti), shareFen: Number(r.shareFen) }))),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  );
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** 加装电梯费用分摊表 as a spreadsheet: every room with its floor, coefficient, area and share, and the total. */
export async function costSharesXlsx(ctx: Ctx, id: string): Promise<{ fileName: string; content: Buffer }> {
  const view = await getElevator(ctx, id);
  const d = await decisionFor(read(ctx), ctx.actor, id, 'read');
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Cost shares' : '费用分摊');
  sheet.addRow([`${d.title} ${en ? 'cost shares' : '费用分摊表'}`]).font = { bold: true, size: 14 };
  sheet.addRow([`${en ? 'Cost' : '总费用'}：¥${yuan(view.costFen)}　${en ? (view.byArea ? 'by coefficient × area' : 'by coefficient') : view.byArea ? '按楼层系数×面积' : '按楼层系数'}`]);
  sheet.addRow([en ? 'Rounding: largest remainder, ties to the higher floor then the room label' : '尾差规则：按最大余数分配，余数相同时高楼层优先，再按房号升序']);
  sheet.addRow([]);
  sheet.addRow(en ? ['Room', 'Floor', 'Coefficient (‰)', 'Area (m²)', 'Share (¥)', 'Status'] : ['房屋', '楼层', '系数（‰）', '面积（m²）', '分摊金额（元）', '状态']).font = { bold: true };
  const status = { proposed: en ? 'Proposed' : '拟定', due: en ? 'Due' : '应缴', void: en ? 'Void' : '作废' } as const;
  for (const s of view.shares) sheet.addRow([s.roomLabel, s.floor, s.coefficientPermille, yuan(s.areaCenti), yuan(s.shareFen), status[s.status]]);
  sheet.addRow([en ? 'Total' : '合计', '', '', '', yuan(view.sumFen), '']).font = { bold: true };
  sheet.getColumn(1).width = 28;
  sheet.getColumn(5).width = 16;
  return { fileName: `${d.title}-费用分摊表.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()) };
}

/** A compensation agreement's signed scan, for those who organise the retrofit. */
export async function getAgreementFile(ctx: Ctx, id: string, affectedId: string) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'organise');
  const row = await db.selectFrom('dec_affected').select('agreement').where('street_id', '=', d.street_id).where('decision_id', '=', d.id).where('id', '=', affectedId).executeTakeFirst();
  const found = row?.agreement?.file && (await evidenceContent(ctx, row.agreement.file));
  if (!found) throw DecisionsErrors.FILE_NOT_FOUND();
  return found;
}
