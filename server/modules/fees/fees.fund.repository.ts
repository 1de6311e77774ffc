import { sql } from 'kysely';
import type { Executor } from './fees.db.ts';
import type { FundPublishedUse } from './fees.fund.constants.ts';

/** An entry's room as 1栋 / 1单元 / 1201 (its building, unit and room names along the room's path), or null. */
export const entryRoomLabel = sql<string | null>`(select string_agg(a.name, ' / ' order by a.depth) from street_places a
  where e.room_id is not null and a.id = any(string_to_array(trim(both '/' from (select r.path from street_places r where r.id = e.room_id)), '/')::uuid[])
  and a.kind in ('building', 'unit', 'room'))`;

/** A compound's fund totals in fen over a span of days (inclusive; either end open), by kind, and the net. */
export async function fundTotals(db: Executor, streetId: string, compoundId: string, span: { from?: string; to?: string } = {}) {
  let q = db
    .selectFrom('fee_fund_entries')
    .select([
      sql<string>`coalesce(sum(amount_fen) filter (where kind = 'deposit'), 0)`.as('raised'),
      sql<string>`coalesce(sum(amount_fen) filter (where kind = 'interest'), 0)`.as('interest'),
      sql<string>`coalesce(sum(amount_fen) filter (where kind = 'use'), 0)`.as('used'),
      sql<string>`coalesce(sum(amount_fen) filter (where kind = 'refund'), 0)`.as('refunded'),
      sql<string>`count(*)`.as('entries'),
      sql<string | null>`to_char(max(day), 'YYYY-MM-DD')`.as('lastDay'),
    ])
    .where('street_id', '=', streetId)
    .where('compound_id', '=', compoundId);
  if (span.from) q = q.where('day', '>=', span.from);
  if (span.to) q = q.where('day', '<=', span.to);
  const r = await q.executeTakeFirstOrThrow();
  const [raisedFen, interestFen, usedFen, refundedFen] = [Number(r.raised), Number(r.interest), Number(r.used), Number(r.refunded)];
  return { raisedFen, interestFen, usedFen, refundedFen, netFen: raisedFen + interestFen - usedFen - refundedFen, entries: Number(r.entries), lastDay: r.lastDay };
}

/** A compound's uses (使用) in a span, oldest first, each with its basis when it has one. */
export async function fundUses(db: Executor, streetId: string, compoundId: string, span: { from?: string; to?: string } = {}) {
  let q = db
    .selectFrom('fee_fund_entries as e')
    .leftJoin('fee_fund_use_bases as b', (j) => j.onRef('b.street_id', '=', 'e.street_id').onRef('b.entry_id', '=', 'e.id'))
    .select([
      'e.id',
      'e.serial',
      sql<string>`to_char(e.day, 'YYYY-MM-DD')`.as('day'),
      'e.amount_fen as amountFen',
      'e.summary',
      'e.room_id as roomId',
      entryRoomLabel.as('room'),
      'b.kind as basisKind',
      'b.decision_id as decisionId',
      'b.decision_title as decisionTitle',
      'b.emergency_what as emergencyWhat',
      sql<string | null>`to_char(b.emergency_day, 'YYYY-MM-DD')`.as('emergencyDay'),
      'b.emergency_certified_by as certifiedBy',
      'b.document_name as documentName',
      'b.linked_at as linkedAt',
    ])
    .where('e.street_id', '=', streetId)
    .where('e.compound_id', '=', compoundId)
    .where('e.kind', '=', 'use');
  if (span.from) q = q.where('e.day', '>=', span.from);
  if (span.to) q = q.where('e.day', '<=', span.to);
  const rows = await q.orderBy('e.day').orderBy('e.serial').execute();
  return rows.map((r) => ({ ...r, amountFen: Number(r.amountFen) }));
}
export type FundUseRow = Awaited<ReturnType<typeof fundUses>>[number];

/** A use as published: its basis spelled out (null while it has none). */
export function publishedUse(u: FundUseRow): FundPublishedUse | null {
  const basis =
    u.basisKind === 'decision' && u.decisionId
      ? { kind: 'decision' as const, decisionId: u.decisionId, title: u.decisionTitle ?? '' }
      : u.basisKind === 'emergency'
        ? { kind: 'emergency' as const, what: u.emergencyWhat ?? '', day: u.emergencyDay ?? '', certifiedBy: u.certifiedBy ?? '' }
        : null;
  return basis ? { entryId: u.id, serial: u.serial, day: u.day, amountFen: u.amountFen, summary: u.summary, room: u.room, basis } : null;
}

/** The first and last day of a quarter ('2026-Q3' → 2026-07-01 … 2026-09-30). */
export function quarterSpan(quarter: string): { from: string; to: string } {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const last = new Date(Date.UTC(y, q * 3, 0)).getUTCDate();
  return { from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${y}-${String(q * 3).padStart(2, '0')}-${last}` };
}

/** The quarter before the one a day falls in ('2026-12-03' → '2026-Q3'). */
export function previousQuarter(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const q = Math.ceil(m / 3);
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The day before a YYYY-MM-DD day. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
