import { sql } from 'kysely';
import { newId } from '../../kernel/ids.ts';
import type { BillSource, PayerKind } from './fees.constants.ts';
import type { Executor, Tx } from './fees.db.ts';

/** A bill to insert with its lines (generation, one-off bills and elevator shares all come through here). */
export interface NewBill {
  roomId: string;
  billKey: string;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  payerKind: PayerKind;
  dueOn: string;
  lines: { itemId: string | null; label: string; formula: string; amountFen: number }[];
}

/**
 * Inserts bills and their lines set-based: one statement for every bill (`unnest` of column arrays, `on conflict
 * (street_id, room_id, bill_key) do nothing`, so a bill already issued is never issued twice), then one for the
 * lines of the bills that were inserted. Two statements whatever the count: no round trip per row.
 * Returns how many bills were inserted and their total.
 */
export async function insertBills(
  tx: Tx,
  common: { streetId: string; compoundId: string; companyId: string | null; source: BillSource; createdBy: string | null; issuedAt: Date },
  bills: readonly NewBill[],
): Promise<{ created: number; amountFen: number; ids: string[] }> {
  if (!bills.length) return { created: 0, amountFen: 0, ids: [] };
  const ids = bills.map(() => newId());
  const col = <T>(f: (b: NewBill) => T) => bills.map(f);
  const inserted = await sql<{ id: string }>`
    insert into fee_bills (street_id, id, room_id, compound_id, company_id, bill_key, period_label, period_start, period_end,
                           payer_kind, source, amount_fen, due_on, issued_at, created_by)
    select ${common.streetId}::uuid, b.id, b.room_id, ${common.compoundId}::uuid, ${common.companyId}::uuid, b.bill_key, b.period_label,
           b.period_start, b.period_end, b.payer_kind, ${common.source}, b.amount_fen, b.due_on, ${common.issuedAt}::timestamptz, ${common.createdBy}::uuid
    from unnest(${ids}::uuid[], ${col((b) => b.roomId)}::uuid[], ${col((b) => b.billKey)}::text[], ${col((b) => b.periodLabel)}::text[],
                ${col((b) => b.periodStart)}::date[], ${col((b) => b.periodEnd)}::date[], ${col((b) => b.payerKind)}::text[],
                ${col((b) => b.lines.reduce((s, l) => s + l.amountFen, 0))}::bigint[], ${col((b) => b.dueOn)}::date[])
         as b(id, room_id, bill_key, period_label, period_start, period_end, payer_kind, amount_fen, due_on)
    on conflict (street_id, room_id, bill_key) do nothing
    returning id`.execute(tx);
  const created = new Set(inserted.rows.map((r) => r.id));
  if (!created.size) return { created: 0, amountFen: 0, ids: [] };
  const billIds: string[] = [];
  const lineNos: number[] = [];
  const itemIds: (string | null)[] = [];
  const labels: string[] = [];
  const formulas: string[] = [];
  const amounts: number[] = [];
  let amountFen = 0;
  bills.forEach((b, i) => {
    if (!created.has(ids[i]!)) return;
    b.lines.forEach((l, n) => {
      billIds.push(ids[i]!);
      lineNos.push(n + 1);
      itemIds.push(l.itemId);
      labels.push(l.label);
      formulas.push(l.formula);
      amounts.push(l.amountFen);
      amountFen += l.amountFen;
    });
  });
  await sql`
    insert into fee_bill_lines (street_id, bill_id, line_no, item_id, label, formula, amount_fen)
    select ${common.streetId}::uuid, l.bill_id, l.line_no, l.item_id, l.label, l.formula, l.amount_fen
    from unnest(${billIds}::uuid[], ${lineNos}::int[], ${itemIds}::uuid[], ${labels}::text[], ${formulas}::text[], ${amounts}::bigint[])
         as l(bill_id, line_no, item_id, label, formula, amount_fen)`.execute(tx);
  return { created: created.size, amountFen, ids: ids.filter((id) => created.has(id)) };
}

/** Holds the compound's billing lock until the transaction ends: two runs for one compound take turns. */
export async function lockCompoundBilling(tx: Tx, compoundId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`fees.bills:${compoundId}`}, 0))`.execute(tx);
}

/** The compound's active items of a cycle, each with its approved prices. */
export async function billingItems(db: Executor, streetId: string, compoundId: string, cycle: string) {
  const rows = await db
    .selectFrom('fee_items as i')
    .leftJoin('fee_prices as p', (j) => j.onRef('p.street_id', '=', 'i.street_id').onRef('p.item_id', '=', 'i.id').on('p.status', '=', 'approved'))
    .select(['i.id', 'i.kind', 'i.name', 'i.vacancy_discount_bp', 'p.unit_fen', sql<string | null>`p.effective_from::text`.as('effective_from')])
    .where('i.street_id', '=', streetId)
    .where('i.place_id', '=', compoundId)
    .where('i.cycle', '=', cycle as never)
    .where('i.active', '=', true)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
  const items = new Map<string, { itemId: string; kind: (typeof rows)[number]['kind']; name: string; vacancyDiscountBp: number; prices: { unitFen: number; effectiveFrom: string }[] }>();
  for (const r of rows) {
    let item = items.get(r.id);
    if (!item) items.set(r.id, (item = { itemId: r.id, kind: r.kind, name: r.name, vacancyDiscountBp: r.vacancy_discount_bp, prices: [] }));
    if (r.unit_fen !== null && r.effective_from !== null) item.prices.push({ unitFen: r.unit_fen, effectiveFrom: r.effective_from });
  }
  return [...items.values()];
}

/** The registered vacancies under a compound that overlap [start, end), by room. */
export async function vacanciesOverlapping(db: Executor, streetId: string, compoundPath: string, start: string, end: string) {
  const rows = await db
    .selectFrom('fee_vacancies as v')
    .innerJoin('street_places as p', (j) => j.onRef('p.street_id', '=', 'v.street_id').onRef('p.id', '=', 'v.room_id'))
    .select(['v.room_id', sql<string>`v.starts_on::text`.as('starts_on'), sql<string | null>`v.ends_on::text`.as('ends_on')])
    .where('v.street_id', '=', streetId)
    .where('p.path', 'like', `${compoundPath}%`)
    .where('v.starts_on', '<', end)
    .where((eb) => eb.or([eb('v.ends_on', 'is', null), eb('v.ends_on', '>', start)]))
    .execute();
  const byRoom = new Map<string, { startsOn: string; endsOn: string | null }[]>();
  for (const r of rows) {
    const list = byRoom.get(r.room_id) ?? [];
    list.push({ startsOn: r.starts_on, endsOn: r.ends_on });
    byRoom.set(r.room_id, list);
  }
  return byRoom;
}
