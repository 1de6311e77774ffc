import ExcelJS from 'exceljs';
import { type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import { containing } from '../../../kernel/db/like.ts';
import { offsetOf, paginate } from '../../../kernel/pagination.ts';
import { type Executor, read } from '../decisions.db.ts';
import { BUILDING_OF_PART, type DecisionRow, ROOMS_OF_ENTRY } from '../decisions.repository.ts';
import { type DeliveryQuery, DeliverySort } from '../decisions.schemas.ts';
import { decisionFor } from './decision-access.ts';
import { NOTICE_STATUSES } from './record-receipt.ts';

/**
 * Every way the decision reached each owner head (送达), one row per head: the SMS about it delivered, an in-app
 * message about it opened, the materials opened on the H5, a signed paper receipt. A head is reached when any of
 * them holds for one of its owners. (The public posting reaches everyone and is listed beside, not per head.)
 */
function reachOf(db: Executor, d: Pick<DecisionRow, 'street_id' | 'id'>, q: { building?: string; q?: string }) {
  const message = (channel: 'sms' | 'inbox') =>
    db
      .selectFrom('notify_messages as m')
      .innerJoin('notify_batches as nb', (j) => j.onRef('nb.street_id', '=', 'm.street_id').onRef('nb.id', '=', 'm.batch_id'))
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      // Correlated with the roll entry `e` of the outer query.
      .where(sql<SqlBool>`nb.street_id = e.street_id and nb.subject_id = e.decision_id`)
      .where('m.channel', '=', channel)
      .where(channel === 'sms' ? sql<SqlBool>`m.status = 'sent'` : sql<SqlBool>`m.read_at is not null`)
      .where(sql<SqlBool>`a.person_id = any(e.person_ids)`)
      .select(sql<Date | null>`min(${sql.ref(channel === 'sms' ? 'm.sent_at' : 'm.read_at')})`.as('at'));
  return db
    .selectFrom('dec_roll_entries as e')
    .where('e.street_id', '=', d.street_id)
    .where('e.decision_id', '=', d.id)
    .where('e.merged_into', 'is', null)
    .where('e.kind', '=', 'owners')
    .$if(!!q.building, (qb) =>
      qb.where((eb) =>
        eb.exists(eb.selectFrom('dec_roll_parts as rp').whereRef('rp.street_id', '=', 'e.street_id').whereRef('rp.entry_id', '=', 'e.id').where(BUILDING_OF_PART, '=', q.building!).select('rp.room_id')),
      ),
    )
    .$if(!!q.q, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('e.label', 'ilike', containing(q.q!)),
          eb.exists(eb.selectFrom('dec_roll_parts as r2').whereRef('r2.street_id', '=', 'e.street_id').whereRef('r2.entry_id', '=', 'e.id').where('r2.room_label', 'ilike', containing(q.q!)).select('r2.room_id')),
        ]),
      ),
    )
    .select(['e.id as entryId', 'e.no as entryNo', 'e.label'])
    .select((eb) => [
      message('sms').as('sms'),
      message('inbox').as('inbox'),
      eb.selectFrom('dec_deliveries as dd').whereRef('dd.street_id', '=', 'e.street_id').whereRef('dd.entry_id', '=', 'e.id').select((x) => x.fn.min('dd.opened_at').as('at')).as('materials'),
      eb
        .selectFrom('dec_proofs as p')
        .whereRef('p.street_id', '=', 'e.street_id')
        .whereRef('p.entry_id', '=', 'e.id')
        .where('p.kind', '=', 'paper_receipt')
        .select(sql<{ id: string; signedOn: string } | null>`json_build_object('id', p.id, 'signedOn', p.on_date)`.as('r'))
        .orderBy('p.recorded_at', 'desc')
        .limit(1)
        .as('receipt'),
      ROOMS_OF_ENTRY.as('rooms'),
    ]);
}

const REACHED = sql<boolean>`(r.sms is not null or r.inbox is not null or r.materials is not null or r.receipt is not null)`;

/**
 * 送达情况: for a decision, each owner head and the ways the decision reached them, the owners not reached yet (by
 * building), the totals per way, each building's reach, and the public postings. The report is computed from the
 * records themselves, so it cannot disagree with them.
 */
export async function deliveryReport(ctx: Ctx, id: string, q: DeliveryQuery) {
  const db = read(ctx);
  const d = await decisionFor(db, ctx.actor, id, 'read', { status: NOTICE_STATUSES });
  const filtered = db
    .selectFrom(reachOf(db, d, q).as('r'))
    .$if(q.unreached === 'true', (qb) => qb.where(sql<SqlBool>`not ${REACHED}`))
    .$if(q.unreached === 'false', (qb) => qb.where(sql<SqlBool>`${REACHED}`));
  const all = db.selectFrom(reachOf(db, d, {}).as('r'));
  const [page, totals, buildings, postings] = await Promise.all([
    paginate(
      q,
      DeliverySort.orderBy(filtered.selectAll('r').select(REACHED.as('reached')), q).limit(q.pageSize).offset(offsetOf(q)).execute(),
      filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ),
    all
      .select([
        sql<number>`count(*)::int`.as('heads'),
        sql<number>`count(*) filter (where ${REACHED})::int`.as('reached'),
        sql<number>`count(r.sms)::int`.as('sms'),
        sql<number>`count(r.inbox)::int`.as('inbox'),
        sql<number>`count(r.materials)::int`.as('materials'),
        sql<number>`count(r.receipt)::int`.as('receipt'),
      ])
      .executeTakeFirstOrThrow(),
    all
      .innerJoin('dec_roll_parts as rp', (j) => j.onRef('rp.entry_id', '=', 'r.entryId').on('rp.street_id', '=', d.street_id))
      .select([BUILDING_OF_PART.as('building'), sql<number>`count(distinct r."entryId")::int`.as('heads'), sql<number>`count(distinct r."entryId") filter (where ${REACHED})::int`.as('reached')])
      .groupBy(BUILDING_OF_PART)
      .orderBy(BUILDING_OF_PART)
      .execute(),
    db
      .selectFrom('dec_proofs as p')
      .leftJoin('accounts as a', 'a.id', 'p.recorded_by')
      .select(['p.id', 'p.on_date as postedOn', 'p.location', 'a.display_name as recordedBy', 'p.recorded_at as recordedAt'])
      .where('p.street_id', '=', d.street_id)
      .where('p.decision_id', '=', d.id)
      .where('p.kind', '=', 'public_posting')
      .orderBy('p.on_date', 'desc')
      .execute(),
  ]);
  return { ...page, totals, buildings, postings };
}

const when = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** 送达情况 as a spreadsheet: every owner head (of a building, or all) with each way and its time. */
export async function deliveryReportXlsx(ctx: Ctx, id: string, q: { building?: string }): Promise<{ fileName: string; content: Buffer }> {
  const first = await deliveryReport(ctx, id, { ...q, page: 1, pageSize: 1, sort: 'entryNo', order: 'asc' });
  const rows: Awaited<ReturnType<typeof deliveryReport>>['items'] = [];
  for (let page = 1; rows.length < first.total; page++) rows.push(...(await deliveryReport(ctx, id, { ...q, page, pageSize: 500, sort: 'entryNo', order: 'asc' })).items);
  const d = await decisionFor(read(ctx), ctx.actor, id, 'read');
  const en = ctx.actor.locale === 'en';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(en ? 'Proof of notice' : '送达情况');
  sheet.addRow([`${d.title} ${en ? 'proof of notice' : '送达情况'}${q.building ? ` (${q.building})` : ''}`]).font = { bold: true, size: 14 };
  sheet.addRow([`${en ? 'Reached' : '已送达'}：${first.totals.reached} / ${first.totals.heads}`]);
  sheet.addRow([]);
  const yes = (v: unknown) => (v ? (typeof v === 'object' && v && 'signedOn' in v ? String((v as { signedOn: string }).signedOn) : when(v as Date)) : '');
  sheet.addRow(
    en
      ? ['No.', 'Rooms', 'Owner', 'SMS delivered', 'Message opened', 'Materials read', 'Signed receipt', 'Reached']
      : ['序号', '专有部分', '业主', '短信送达', '站内消息已读', '已阅材料', '签收回执', '是否送达'],
  ).font = { bold: true };
  for (const r of rows) sheet.addRow([r.entryNo, (r.rooms ?? []).join('、'), r.label, yes(r.sms), yes(r.inbox), yes(r.materials), yes(r.receipt), r.reached ? (en ? 'Yes' : '是') : en ? 'No' : '否']);
  sheet.getColumn(2).width = 30;
  for (const c of [4, 5, 6, 7]) sheet.getColumn(c).width = 18;
  return { fileName: `${d.title}-送达情况.xlsx`, content: Buffer.from(await book.xlsx.writeBuffer()) };
}
