import { sql } from 'kysely';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../fees.db.ts';
import { payerRooms } from './payer-access.ts';
import { monthDays } from './rating-rules.ts';

/** A compound where the acting resident owns (or co-owns) rooms now: the compounds they may rate. */
export interface OwnedCompound {
  compoundId: string;
  compoundName: string;
  compoundPath: string;
  streetId: string;
  rooms: { roomId: string; roomLabel: string }[];
}

/**
 * The compounds the acting person owns rooms in, as owner or co-owner of record (payer-access.ts). Tenants —
 * even those authorised to pay — and family do not rate: the right goes with ownership.
 */
export async function ownedCompounds(db: Executor, ctx: Ctx): Promise<OwnedCompound[]> {
  const owned = (await payerRooms(db, ctx)).filter((r) => r.owner);
  if (owned.length === 0) return [];
  const ancestorIds = [...new Set(owned.flatMap((r) => r.roomPath.split('/').filter(Boolean)))];
  const compounds = await db.selectFrom('street_places').select(['id', 'name', 'path', 'street_id']).where('kind', '=', 'compound').where('id', 'in', ancestorIds).orderBy('path').execute();
  return compounds.flatMap((c) => {
    const rooms = owned.filter((r) => r.roomPath.startsWith(c.path));
    return rooms.length && c.street_id ? [{ compoundId: c.id, compoundName: c.name, compoundPath: c.path, streetId: c.street_id, rooms: rooms.map((r) => ({ roomId: r.roomId, roomLabel: r.roomLabel })) }] : [];
  });
}

export interface MonthBill {
  billId: string;
  roomId: string;
  periodLabel: string;
  status: 'open' | 'paid';
  /** What is still due: amount + approved adjustments − paid (0 once paid). */
  dueFen: number;
}

/**
 * The owners' bills of the rooms whose period overlaps the month (half-open days, as bills keep them), but the
 * written-off ones: the bills a rating of that month rests on.
 */
export async function billsOfMonth(db: Executor, streetId: string, roomIds: string[], period: string): Promise<MonthBill[]> {
  if (roomIds.length === 0) return [];
  const { start, end } = monthDays(period);
  const rows = await db
    .selectFrom('fee_bills')
    .select(['id', 'room_id', 'period_label', 'status', sql<number>`(amount_fen + adjusted_fen - paid_fen)::bigint`.as('due')])
    .where('street_id', '=', streetId)
    .where('room_id', 'in', roomIds)
    .where('payer_kind', '=', 'owners')
    .where('status', '<>', 'written_off')
    .where('period_start', '<', end)
    .where('period_end', '>', start)
    .orderBy('period_start')
    .orderBy('id')
    .execute();
  return rows.map((b) => ({ billId: b.id, roomId: b.room_id, periodLabel: b.period_label, status: b.status === 'paid' ? 'paid' : 'open', dueFen: b.status === 'paid' ? 0 : Number(b.due) }));
}

/**
 * Whether the month's bills allow a rating: `noBills` (none overlaps the month), `unpaid` (one or more still open,
 * listed), or `paid` (every one of them paid).
 */
export function billsVerdict(bills: MonthBill[]): { verdict: 'noBills' | 'unpaid' | 'paid'; unpaid: MonthBill[]; unpaidFen: number } {
  const unpaid = bills.filter((b) => b.status !== 'paid');
  const unpaidFen = unpaid.reduce((s, b) => s + b.dueFen, 0);
  return { verdict: bills.length === 0 ? 'noBills' : unpaid.length ? 'unpaid' : 'paid', unpaid, unpaidFen };
}
